using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Rules;

/// <summary>What the engine found at <see cref="Now"/>; <see cref="FirstRunAt"/> is null on the first run.</summary>
internal sealed record RuleEvaluation(DateTimeOffset Now, DateTimeOffset? FirstRunAt, RuleInput Input, IReadOnlyList<Finding> Findings);
