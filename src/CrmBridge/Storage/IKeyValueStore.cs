namespace CrmBridge.Storage;

/// <summary>Small durable values (for example the amoCRM OAuth token pair). Writes are flushed before returning.</summary>
internal interface IKeyValueStore
{
    string? Get(string key);

    void Set(string key, string value);

    /// <summary>Like <see cref="Set"/>, then checkpoints, so no old copy of the value stays in LiteDB's log file.</summary>
    void SetSecret(string key, string value);
}
