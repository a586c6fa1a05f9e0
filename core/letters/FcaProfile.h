#pragma once

#include "domain/Result.h"

#include <QString>

namespace lantern {

class Store;

// Who the letters come from, and where children can give feedback: a setting of this laptop.
struct FcaProfile
{
    QString name;
    QString phone;
    QString email;
    QString office;
    QString feedbackLink; // the address the letter's QR code and feedback line point to

    static Result<FcaProfile> load(Store &store);
    Result<void> save(Store &store) const;
};

} // namespace lantern
