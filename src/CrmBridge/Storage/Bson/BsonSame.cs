using LiteDB;

namespace CrmBridge.Storage.Bson;

/// <summary>
/// Whether two documents would serialize to the same bytes, without serializing them: same field names in the same
/// order, same types, same values, strings compared ordinally (BsonValue equality ignores case). A page of a tick
/// compares each of its records with the stored copy, and serializing both cost two byte arrays a record.
/// </summary>
internal static class BsonSame
{
    /// <summary>True when the documents are byte-for-byte the same, <paramref name="skip"/> (if any) left out of both.</summary>
    public static bool Documents(BsonDocument stored, BsonDocument fresh, string? skip = null)
    {
        using var left = stored.GetEnumerator();
        using var right = fresh.GetEnumerator();
        while (true)
        {
            var hasLeft = Next(left, skip);
            var hasRight = Next(right, skip);
            if (!hasLeft || !hasRight)
            {
                return hasLeft == hasRight;
            }

            if (!string.Equals(left.Current.Key, right.Current.Key, StringComparison.Ordinal) || !Values(left.Current.Value, right.Current.Value))
            {
                return false;
            }
        }
    }

    private static bool Next(IEnumerator<KeyValuePair<string, BsonValue>> fields, string? skip)
    {
        while (fields.MoveNext())
        {
            if (skip is null || !string.Equals(fields.Current.Key, skip, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Values(BsonValue left, BsonValue right)
    {
        if (left.Type != right.Type)
        {
            return false;
        }

        switch (left.Type)
        {
            case BsonType.String:
                return string.Equals(left.AsString, right.AsString, StringComparison.Ordinal);
            case BsonType.Document:
                return Documents(left.AsDocument, right.AsDocument);
            case BsonType.Array:
                var a = left.AsArray;
                var b = right.AsArray;
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!Values(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
            case BsonType.Binary:
                return left.AsBinary.AsSpan().SequenceEqual(right.AsBinary);
            case BsonType.Double:
                return BitConverter.DoubleToInt64Bits(left.AsDouble) == BitConverter.DoubleToInt64Bits(right.AsDouble);
            case BsonType.Decimal:
                // 1.0m and 1.00m are equal decimals but different bytes.
                return decimal.GetBits(left.AsDecimal).AsSpan().SequenceEqual(decimal.GetBits(right.AsDecimal));
            case BsonType.DateTime:
                // Stored as UTC milliseconds, as LiteDB writes them.
                return Milliseconds(left.AsDateTime) == Milliseconds(right.AsDateTime);
            default:
                // Null, MinValue, MaxValue, Int32, Int64, Boolean, ObjectId, Guid: equality is exact for these.
                return left.Equals(right);
        }
    }

    private static long Milliseconds(DateTime value)
    {
        var utc = value == DateTime.MinValue || value == DateTime.MaxValue ? value : value.ToUniversalTime();
        return Convert.ToInt64((utc - BsonValue.UnixEpoch).TotalMilliseconds);
    }
}
