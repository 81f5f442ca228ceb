namespace CrmBridge.Core.Model;

/// <summary>A normalized record that lives in one CRM and is stored once per reference.</summary>
public interface IRecord
{
    CrmRef Ref { get; }

    /// <summary>When the CRM last changed it; drives incremental sync and storage indexes.</summary>
    DateTimeOffset ModifiedAt { get; }
}
