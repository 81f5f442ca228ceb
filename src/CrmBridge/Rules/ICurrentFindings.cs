using CrmBridge.Core.Model;

namespace CrmBridge.Rules;

/// <summary>What the rules find now, for the digest (conflicts, ownership warnings, cooldown); registered by AddRules, faked by digest tests.</summary>
internal interface ICurrentFindings
{
    IReadOnlyList<Finding> Current(ClientBase clientBase, DateTimeOffset now);
}
