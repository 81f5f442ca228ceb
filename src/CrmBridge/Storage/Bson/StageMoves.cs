using System.Globalization;
using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage.Bson;

/// <summary>
/// A deal's stage moves inside the deal's document, field "h": an array of small documents, oldest first (ties in the
/// order of their stored keys, as the rules met them when each move was a document of its own). A move keeps only what
/// its neighbour does not already say: {i: id (a number when it is one), a: moment, t: stage entered; f: stage left,
/// absent when it is the stage the move before entered, null when none; p: pipeline, absent when the move before's;
/// b: user}. Field names are part of the file format.
/// </summary>
internal static class StageMoves
{
    public const string Field = "h";

    private const string IdField = "i";
    private const string AtField = "a";
    private const string ToField = "t";
    private const string FromField = "f";
    private const string PipelineField = "p";
    private const string ByField = "b";

    /// <summary>The moves in stored order; <paramref name="collation"/> orders moves of one moment by stored key.</summary>
    public static BsonArray Write(IEnumerable<StageChange> moves, CrmRef deal, AccountCodes accounts, Collation collation)
    {
        var ordered = moves
            .Select(m => (Move: m, Key: new BsonValue(accounts.Key(m.Ref))))
            .OrderBy(m => m.Move.At)
            .ThenBy(m => m.Key, collation)
            .Select(m => m.Move);
        var array = new BsonArray();
        string? previousTo = null;
        string? previousPipeline = null;
        foreach (var move in ordered)
        {
            var document = new BsonDocument
            {
                [IdField] = Id(move.Ref, deal, accounts),
                [AtField] = BsonMoment.Write(move.At),
                [ToField] = move.ToStageId,
            };
            if (move.FromStageId != previousTo)
            {
                document[FromField] = move.FromStageId is null ? BsonValue.Null : new BsonValue(move.FromStageId);
            }

            if (move.PipelineId != previousPipeline)
            {
                document[PipelineField] = move.PipelineId;
            }

            document.Put(ByField, move.ByUserId);
            array.Add(document);
            previousTo = move.ToStageId;
            previousPipeline = move.PipelineId;
        }

        return array;
    }

    /// <summary>Adds the moves stored in a deal document (none when it has no "h") to <paramref name="into"/>.</summary>
    public static void Read(BsonDocument dealDocument, ReadContext context, List<StageChange> into)
    {
        if (!dealDocument.TryGetValue(Field, out var history) || !history.IsArray)
        {
            return;
        }

        var deal = context.Ref(dealDocument["_id"].AsString);
        string? previousTo = null;
        string? previousPipeline = null;
        foreach (var item in history.AsArray)
        {
            var document = item.AsDocument;
            var to = document.Text(ToField, context.Strings)
                ?? throw new InvalidDataException($"A stage move of deal '{deal.Key}' names no stage.");
            var pipeline = document.TryGetValue(PipelineField, out var p) ? context.Strings.Intern(p.AsString) : previousPipeline
                ?? throw new InvalidDataException($"The first stage move of deal '{deal.Key}' names no pipeline.");
            var from = document.TryGetValue(FromField, out var f) ? f.IsNull ? null : context.Strings.Intern(f.AsString) : previousTo;
            into.Add(new StageChange
            {
                Ref = Ref(document[IdField], deal, context),
                Deal = deal,
                PipelineId = pipeline,
                FromStageId = from,
                ToStageId = to,
                At = document.Moment(AtField),
                ByUserId = document.Text(ByField, context.Strings),
            });
            previousTo = to;
            previousPipeline = pipeline;
        }
    }

    /// <summary>Same fields, and the moment to the tick and offset (record equality compares instants only).</summary>
    public static bool Same(StageChange a, StageChange b) =>
        a.Ref == b.Ref && a.Deal == b.Deal && a.PipelineId == b.PipelineId && a.FromStageId == b.FromStageId
        && a.ToStageId == b.ToStageId && a.At.EqualsExact(b.At) && a.ByUserId == b.ByUserId;

    /// <summary>
    /// A move of the deal's own account by its id: a number when the id is one (Bitrix24's are), else the text; a move of
    /// another account (never seen: both CRMs bind a move to a deal of its own account) by its account-coded key, which
    /// holds a colon where an id never does.
    /// </summary>
    private static BsonValue Id(CrmRef move, CrmRef deal, AccountCodes accounts)
    {
        if (move.Crm != deal.Crm || move.Account != deal.Account)
        {
            return accounts.Key(move);
        }

        return long.TryParse(move.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number.ToString(CultureInfo.InvariantCulture) == move.Id
                ? number <= int.MaxValue ? new BsonValue((int)number) : new BsonValue(number)
                : new BsonValue(move.Id);
    }

    private static CrmRef Ref(BsonValue id, CrmRef deal, ReadContext context) => id.Type switch
    {
        BsonType.Int32 => deal.Sibling(id.AsInt32.ToString(CultureInfo.InvariantCulture)),
        BsonType.Int64 => deal.Sibling(id.AsInt64.ToString(CultureInfo.InvariantCulture)),
        _ when id.AsString.Contains(':', StringComparison.Ordinal) => context.Ref(id.AsString),
        _ => deal.Sibling(id.AsString),
    };
}
