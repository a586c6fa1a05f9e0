#include "Labels.h"

#include <QCoreApplication>

namespace lantern {

QString translateLabel(const char *sourceText)
{
    return QCoreApplication::translate("Labels", sourceText);
}

template <> QList<EnumEntry<ProceedingsKind>> enumEntries<ProceedingsKind>()
{
    return {
        {ProceedingsKind::CareOrder, "care_order", QT_TRANSLATE_NOOP("Labels", "Care order (s31)")},
        {ProceedingsKind::SupervisionOrder, "supervision_order",
         QT_TRANSLATE_NOOP("Labels", "Supervision order (s31)")},
        {ProceedingsKind::ChildArrangements, "child_arrangements",
         QT_TRANSLATE_NOOP("Labels", "Child arrangements (s8)")},
        {ProceedingsKind::Section7Report, "section7",
         QT_TRANSLATE_NOOP("Labels", "Section 7 report")},
        {ProceedingsKind::Rule16_4, "rule16_4", QT_TRANSLATE_NOOP("Labels", "Rule 16.4 guardian")},
        {ProceedingsKind::ChildImpactReport, "child_impact",
         QT_TRANSLATE_NOOP("Labels", "Child Impact Report (pathfinder)")},
    };
}

template <> QList<EnumEntry<CaseStatus>> enumEntries<CaseStatus>()
{
    return {
        {CaseStatus::Open, "open", QT_TRANSLATE_NOOP("Labels", "Open")},
        {CaseStatus::Closed, "closed", QT_TRANSLATE_NOOP("Labels", "Closed")},
    };
}

template <> QList<EnumEntry<AdultRole>> enumEntries<AdultRole>()
{
    return {
        {AdultRole::Mother, "mother", QT_TRANSLATE_NOOP("Labels", "Mother")},
        {AdultRole::Father, "father", QT_TRANSLATE_NOOP("Labels", "Father")},
        {AdultRole::StepParent, "step_parent", QT_TRANSLATE_NOOP("Labels", "Step-parent")},
        {AdultRole::Carer, "carer", QT_TRANSLATE_NOOP("Labels", "Carer")},
        {AdultRole::FosterCarer, "foster_carer", QT_TRANSLATE_NOOP("Labels", "Foster carer")},
        {AdultRole::Grandparent, "grandparent", QT_TRANSLATE_NOOP("Labels", "Grandparent")},
        {AdultRole::OtherRelative, "relative", QT_TRANSLATE_NOOP("Labels", "Other relative")},
        {AdultRole::SocialWorker, "social_worker", QT_TRANSLATE_NOOP("Labels", "Social worker")},
        {AdultRole::Teacher, "teacher", QT_TRANSLATE_NOOP("Labels", "Teacher")},
        {AdultRole::Other, "other", QT_TRANSLATE_NOOP("Labels", "Other")},
    };
}

template <> QList<EnumEntry<HearingKind>> enumEntries<HearingKind>()
{
    return {
        {HearingKind::FirstHearing, "first", QT_TRANSLATE_NOOP("Labels", "First hearing")},
        {HearingKind::CaseManagement, "case_management",
         QT_TRANSLATE_NOOP("Labels", "Case management hearing")},
        {HearingKind::IssuesResolution, "issues_resolution",
         QT_TRANSLATE_NOOP("Labels", "Issues resolution hearing")},
        {HearingKind::FactFinding, "fact_finding",
         QT_TRANSLATE_NOOP("Labels", "Fact-finding hearing")},
        {HearingKind::DisputeResolution, "dispute_resolution",
         QT_TRANSLATE_NOOP("Labels", "Dispute resolution appointment")},
        {HearingKind::Final, "final", QT_TRANSLATE_NOOP("Labels", "Final hearing")},
        {HearingKind::Other, "other", QT_TRANSLATE_NOOP("Labels", "Other hearing")},
    };
}

template <> QList<EnumEntry<LetterKind>> enumEntries<LetterKind>()
{
    return {
        {LetterKind::Introduction, "introduction",
         QT_TRANSLATE_NOOP("Labels", "Introduction letter")},
        {LetterKind::Goodbye, "goodbye", QT_TRANSLATE_NOOP("Labels", "Goodbye letter")},
    };
}

template <> QList<EnumEntry<LetterStatus>> enumEntries<LetterStatus>()
{
    return {
        {LetterStatus::Draft, "draft", QT_TRANSLATE_NOOP("Labels", "Draft")},
        {LetterStatus::Finalised, "finalised", QT_TRANSLATE_NOOP("Labels", "Finalised")},
        {LetterStatus::Sent, "sent", QT_TRANSLATE_NOOP("Labels", "Sent")},
    };
}

template <> QList<EnumEntry<AgeBand>> enumEntries<AgeBand>()
{
    return {
        {AgeBand::Under8, "under8", QT_TRANSLATE_NOOP("Labels", "Under 8")},
        {AgeBand::From8To12, "8to12", QT_TRANSLATE_NOOP("Labels", "8 to 12")},
        {AgeBand::From13, "13plus", QT_TRANSLATE_NOOP("Labels", "13 and over")},
    };
}

template <> QList<EnumEntry<VisitKind>> enumEntries<VisitKind>()
{
    return {
        {VisitKind::Home, "home", QT_TRANSLATE_NOOP("Labels", "Home visit")},
        {VisitKind::School, "school", QT_TRANSLATE_NOOP("Labels", "School visit")},
        {VisitKind::Office, "office", QT_TRANSLATE_NOOP("Labels", "Office visit")},
        {VisitKind::ContactCentre, "contact_centre",
         QT_TRANSLATE_NOOP("Labels", "Contact centre visit")},
        {VisitKind::Video, "video", QT_TRANSLATE_NOOP("Labels", "Video call")},
        {VisitKind::Phone, "phone", QT_TRANSLATE_NOOP("Labels", "Phone call")},
    };
}

template <> QList<EnumEntry<VisitStatus>> enumEntries<VisitStatus>()
{
    return {
        {VisitStatus::Planned, "planned", QT_TRANSLATE_NOOP("Labels", "Planned")},
        {VisitStatus::Done, "done", QT_TRANSLATE_NOOP("Labels", "Done")},
        {VisitStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("Labels", "Cancelled")},
        {VisitStatus::NotSeen, "not_seen", QT_TRANSLATE_NOOP("Labels", "Child not seen")},
    };
}

template <> QList<EnumEntry<NoteKind>> enumEntries<NoteKind>()
{
    return {
        {NoteKind::Visit, "visit", QT_TRANSLATE_NOOP("Labels", "Visit")},
        {NoteKind::PhoneCall, "phone_call", QT_TRANSLATE_NOOP("Labels", "Phone call")},
        {NoteKind::DirectWork, "direct_work", QT_TRANSLATE_NOOP("Labels", "Direct work")},
        {NoteKind::Meeting, "meeting", QT_TRANSLATE_NOOP("Labels", "Meeting")},
        {NoteKind::Court, "court", QT_TRANSLATE_NOOP("Labels", "Court")},
        {NoteKind::ManagementOversight, "management_oversight",
         QT_TRANSLATE_NOOP("Labels", "Management oversight")},
        {NoteKind::Other, "other", QT_TRANSLATE_NOOP("Labels", "Other")},
    };
}

} // namespace lantern
