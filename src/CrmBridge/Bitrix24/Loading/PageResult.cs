namespace CrmBridge.Bitrix24.Loading;

/// <summary>How many records of one page went into the Store.</summary>
internal sealed record PageResult(int Stored);
