using System.Globalization;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>
/// A Bitrix24 filter map ({"&gt;ID": 5, "ENTITY_TYPE_ID": 4, "@ID": [1,2]}) evaluated against rows.
/// An empty value drops its clause, as the CRM does; an unresolved batch reference therefore lifts the filter.
/// </summary>
internal sealed class BitrixFilter
{
    private static readonly string[] Operators = [">=", "<=", "!@", "!=", "=%", "%=", ">", "<", "@", "!", "=", "%"];
    private readonly List<(string Op, string Field, IReadOnlyList<string> Values)> _clauses = [];

    public BitrixFilter(IReadOnlyDictionary<string, object> map)
    {
        foreach (var (key, value) in map)
        {
            var op = Operators.FirstOrDefault(o => key.StartsWith(o, StringComparison.Ordinal)) ?? "";
            var values = BitrixParams.AsStrings(value);
            if (values.Count == 0 || (values.Count == 1 && values[0].Length == 0))
            {
                continue;
            }

            _clauses.Add((op, key[op.Length..], values));
        }
    }

    /// <summary>The value of a "&gt;FIELD" or "&gt;=FIELD" clause, if any.</summary>
    public string? Lower(string field) =>
        _clauses.Where(c => c.Op is ">" or ">=" && string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase)).Select(c => c.Values[0]).FirstOrDefault();

    /// <summary>The value of an equality clause, if any.</summary>
    public string? Equal(string field) =>
        _clauses.Where(c => c.Op is "" or "=" && c.Values.Count == 1 && string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase)).Select(c => c.Values[0]).FirstOrDefault();

    public bool Matches(BitrixRow row)
    {
        foreach (var (op, field, values) in _clauses)
        {
            var actual = row.Get(field);
            var ok = op switch
            {
                "" or "=" or "@" => values.Any(v => Compare(actual, v) == 0),
                "!" or "!=" or "!@" => values.All(v => Compare(actual, v) != 0),
                ">" => actual is not null && Compare(actual, values[0]) > 0,
                ">=" => actual is not null && Compare(actual, values[0]) >= 0,
                "<" => actual is not null && Compare(actual, values[0]) < 0,
                "<=" => actual is not null && Compare(actual, values[0]) <= 0,
                _ => actual?.Contains(values[0].Trim('%'), StringComparison.OrdinalIgnoreCase) == true,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static int Compare(string? actual, string expected)
    {
        if (actual is null)
        {
            return -1;
        }

        if (decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        if (TryDate(actual, out var da) && TryDate(expected, out var db))
        {
            return da.CompareTo(db);
        }

        return string.Compare(actual, expected, StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value) && text.Length >= 10 && text[4] == '-';
}
