using System.Reflection;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Architecture;

/// <summary>
/// The worker's folders depend in one direction: a folder may use only folders ranked before it, and folders of the
/// same rank do not use each other. The compiler cannot enforce that inside one project, so this test reads the
/// compiled worker: signatures, attributes, locals and the IL of every method body (lambdas and async state machines
/// count for the type that declares them).
/// </summary>
public sealed class LayeringTests
{
    /// <summary>The order of the flow: basics, the Store, the outbox, the CRM port and connectors, the steps, the edge that talks, the use cases, the host.</summary>
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["Foundation"] = 0,
        ["Storage"] = 1,
        ["Outbox"] = 2,
        ["Crm"] = 3,
        ["Bitrix24"] = 4,
        ["AmoCrm"] = 4,
        ["Enrichment"] = 5,
        ["People"] = 5,
        ["Dedupe"] = 6,
        ["Rules"] = 7,
        ["Kpi"] = 8,
        ["Notifications"] = 9,
        ["Digest"] = 10,
        ["Telegram"] = 11,
        ["Sync"] = 12,
        ["Setup"] = 13,
        ["Hosting"] = 14,
    };

    private static readonly Assembly Worker = typeof(CrmStore).Assembly;

    [Fact]
    public void Every_folder_depends_only_on_folders_ranked_before_it()
    {
        var offences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (user, used) in WorkerEdges())
        {
            var from = Folder(user)!;
            var to = Folder(used)!;
            if (from != to && Ranks[from] <= Ranks[to])
            {
                offences.Add($"{from} → {to}: {Outermost(user).Name} uses {Outermost(used).Name}");
            }
        }

        Assert.True(offences.Count == 0, "Folders depending against the order:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Every_worker_folder_has_a_rank()
    {
        var unranked = Worker.GetTypes()
            .Select(Folder)
            .Where(folder => folder is not null && !Ranks.ContainsKey(folder))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Empty(unranked);
    }

    [Fact]
    public void The_scan_sees_generic_arguments_inside_async_method_bodies()
    {
        // DedupeVerb names DedupeRun only as GetRequiredService<DedupeRun>() inside an async method.
        var verb = Worker.GetType("CrmBridge.Hosting.Cli.DedupeVerb", throwOnError: true)!;

        var used = WorkerEdges().Where(edge => Outermost(edge.User) == verb).Select(edge => Outermost(edge.Used).Name);

        Assert.Contains("DedupeRun", used);
    }

    /// <remarks>
    /// Protects the tooling split: the sandbox, demo and bench are their own executable, so the worker's publish output
    /// carries neither them nor ASP.NET Core.
    /// </remarks>
    [Fact]
    public void The_worker_references_neither_ASP_NET_Core_nor_the_sandbox()
    {
        var names = Worker.GetReferencedAssemblies().Select(reference => reference.Name ?? "");

        Assert.DoesNotContain(names, name =>
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("CrmBridge.Sandbox", StringComparison.Ordinal));
    }

    /// <summary>Every (user, used) pair of ranked worker types in different folders, each type taken as its outermost declaring type.</summary>
    private static HashSet<(Type User, Type Used)> WorkerEdges()
    {
        var edges = new HashSet<(Type User, Type Used)>();
        foreach (var type in Worker.GetTypes())
        {
            if (Folder(type) is not { } from || !Ranks.ContainsKey(from))
            {
                continue;
            }

            foreach (var used in TypeReferences.Of(type))
            {
                if (Folder(used) is { } to && Ranks.ContainsKey(to) && to != from)
                {
                    edges.Add((Outermost(type), Outermost(used)));
                }
            }
        }

        return edges;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>The folder under CrmBridge (the second namespace part); null for types outside the worker's folders.</summary>
    private static string? Folder(Type type)
    {
        if (type.Assembly != Worker)
        {
            return null;
        }

        var parts = (Outermost(type).Namespace ?? "").Split('.');
        return parts.Length >= 2 && parts[0] == "CrmBridge" ? parts[1] : null;
    }
}
