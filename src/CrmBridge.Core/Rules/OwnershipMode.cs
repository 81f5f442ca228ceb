namespace CrmBridge.Core.Rules;

/// <summary>What happens when an owner's term passes without progress.</summary>
public enum OwnershipMode
{
    /// <summary>Tell the head of sales; the card stays with its owner.</summary>
    Notify,

    /// <summary>Give the card to the pool user and say why on the card.</summary>
    Release,
}
