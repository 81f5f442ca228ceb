using System.Text.Json;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>One amoCRM record ready to write, with what filters need: id, updated_at (unix) and a type.</summary>
internal sealed record AmoRow(long Id, long UpdatedAt, string? Type, Action<Utf8JsonWriter> Write);
