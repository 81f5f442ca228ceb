namespace CrmBridge.Dedupe;

internal sealed class DedupeOptions
{
    public const string Section = "Dedupe";

    /// <summary>Tell the owner of each duplicate card in Telegram (once a week while it stands).</summary>
    public bool NudgeOwners { get; set; } = true;

    /// <summary>Opt-in: leave a comment on each duplicate card in its CRM pointing to the master. Nothing is merged or deleted.</summary>
    public bool CommentOnDuplicates { get; set; }
}
