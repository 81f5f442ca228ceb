using System.Text.Json;
using CrmBridge.Bitrix24.Api;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>A successful single call: its "result" and the "time" block.</summary>
internal sealed record BitrixReply(JsonElement Result, BitrixTime? Time);
