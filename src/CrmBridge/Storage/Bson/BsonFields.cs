using LiteDB;

namespace CrmBridge.Storage.Bson;

/// <summary>Writes a field only when it holds something, and reads a missing field as the default: absent costs nothing.</summary>
internal static class BsonFields
{
    public static void Put(this BsonDocument document, string name, string? value)
    {
        if (value is not null)
        {
            document[name] = value;
        }
    }

    public static void Put(this BsonDocument document, string name, bool value)
    {
        if (value)
        {
            document[name] = true;
        }
    }

    public static void Put(this BsonDocument document, string name, int value)
    {
        if (value != 0)
        {
            document[name] = value;
        }
    }

    public static void Put(this BsonDocument document, string name, decimal value)
    {
        if (value != 0)
        {
            document[name] = value;
        }
    }

    public static void Put(this BsonDocument document, string name, DateTimeOffset? value)
    {
        if (value is { } moment)
        {
            document[name] = BsonMoment.Write(moment);
        }
    }

    public static void Put(this BsonDocument document, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            var array = new BsonArray();
            foreach (var value in values)
            {
                array.Add(value);
            }

            document[name] = array;
        }
    }

    public static string? Text(this BsonDocument document, string name, StringPool? pool = null) =>
        document.TryGetValue(name, out var value) && value.IsString ? pool is null ? value.AsString : pool.Intern(value.AsString) : null;

    public static bool Flag(this BsonDocument document, string name) => document.TryGetValue(name, out var value) && value.AsBoolean;

    public static int Number(this BsonDocument document, string name) => document.TryGetValue(name, out var value) ? value.AsInt32 : 0;

    public static decimal Money(this BsonDocument document, string name) => document.TryGetValue(name, out var value) ? value.AsDecimal : 0m;

    public static DateTimeOffset Moment(this BsonDocument document, string name) => BsonMoment.Read(document[name]);

    public static DateTimeOffset? OptionalMoment(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) ? BsonMoment.ReadOptional(value) : null;

    public static IReadOnlyList<string> Texts(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsArray ? [.. value.AsArray.Select(v => v.AsString)] : [];
}
