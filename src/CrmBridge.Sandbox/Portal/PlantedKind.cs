namespace CrmBridge.Sandbox.Portal;

internal enum PlantedKind
{
    DuplicateMaster,
    DuplicateCopy,
    BranchHead,
    BranchOffice,
    InvalidInn,
    ProbableOriginal,
    ProbableCopy,
    Cooldown,
    OwnershipTimeout,
    OwnershipWarning,
    Conflict,
    PostponedDue,
    PostponedLater,
    Liquidated,
    Sleeping,
    Yesterday,
}
