#include "TokenVault.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcVault, "lantern.security")

namespace lantern {

TokenVault::TokenVault(QObject *parent) : QObject(parent) {}

TokenVault::~TokenVault()
{
    // A job still waiting on the keychain finishes on its own and deletes itself; it must not
    // be deleted mid-call (the keychain library would call back into it).
    if (m_job)
        m_job->disconnect(this);
}

QString TokenVault::keyFor(const QUrl &server, const QString &user)
{
    return server.toString(QUrl::StripTrailingSlash) + QLatin1Char('|') + user;
}

QString TokenVault::noKeychainMessage()
{
    return tr("No system keychain is available, so Lantern will ask for your password each time "
              "it starts; it never stores it in a file.");
}

void TokenVault::read(const QUrl &server, const QString &user)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setKey(keyFor(server, user));
    begin(job, Request::Read);
}

void TokenVault::store(const QUrl &server, const QString &user, const QString &token)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setKey(keyFor(server, user));
    job->setTextData(token);
    begin(job, Request::Store);
}

void TokenVault::remove(const QUrl &server, const QString &user)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setKey(keyFor(server, user));
    begin(job, Request::Remove);
}

void TokenVault::begin(QKeychain::Job *job, Request request)
{
    if (m_job)
        m_job->disconnect(this); // abandoned: its answer is not wanted any more
    // Never the plain-text fallback: with no keychain the token stays in memory only.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    m_job = job;
    m_request = request;
    const quint64 generation = ++m_generation;
    connect(job, &QKeychain::Job::finished, this, &TokenVault::finished);
    QTimer::singleShot(m_timeout, this, [this, generation] { timedOut(generation); });
    job->start();
}

void TokenVault::timedOut(quint64 generation)
{
    if (generation != m_generation || !m_job)
        return;
    qCWarning(lcVault) << "The system keychain did not answer in time; carrying on without it";
    m_job->disconnect(this);
    m_job.clear();
    emit failed(noKeychainMessage(), true);
}

void TokenVault::finished(QKeychain::Job *job)
{
    if (job != m_job)
        return;
    m_job.clear();
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoError) {
        switch (m_request) {
        case Request::Read:
            emit tokenRead(static_cast<QKeychain::ReadPasswordJob *>(job)->textData());
            return;
        case Request::Store:
            emit tokenStored();
            return;
        case Request::Remove:
            emit tokenRemoved();
            return;
        }
    }
    if (error == QKeychain::EntryNotFound) {
        if (m_request == Request::Read)
            emit tokenMissing();
        else if (m_request == Request::Remove)
            emit tokenRemoved(); // nothing there is as good as removed
        else
            emit failed(tr("The system keychain did not keep the sign-in."), false);
        return;
    }
    // The error text may name the key (the server and user name), so it is logged by code only.
    qCWarning(lcVault) << "The system keychain refused a request; error" << int(error);
    switch (error) {
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        emit failed(tr("The system keychain did not let Lantern use it, so Lantern will ask for "
                       "your password when it starts. It never stores it in a file."),
                    false);
        return;
    default:
        // NoBackendAvailable, NotImplemented, and OtherError, which is what a missing secret
        // service (no D-Bus session, nothing listening) comes back as.
        emit failed(noKeychainMessage(), true);
        return;
    }
}

} // namespace lantern
