namespace CrmBridge.Notifications;

/// <summary>
/// Packs sections into Telegram messages of at most 4096 characters (sendMessage's limit; the HTML source is never
/// shorter than the parsed text, so measuring the source is safe). Sections are kept whole when they fit; a section
/// longer than a message is cut between lines; a single overlong line is cut hard, outside tags and entities.
/// </summary>
internal static class TelegramMessageSplitter
{
    public const int Limit = 4096;

    private const string SectionGap = "\n\n";

    public static IReadOnlyList<string> Split(IEnumerable<string> sections, int limit = Limit)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var messages = new List<string>();
        var current = "";
        foreach (var section in sections.Where(section => section.Length > 0))
        {
            foreach (var piece in section.Length <= limit ? [section] : SplitLines(section, limit))
            {
                if (current.Length == 0)
                {
                    current = piece;
                }
                else if (current.Length + SectionGap.Length + piece.Length <= limit)
                {
                    current += SectionGap + piece;
                }
                else
                {
                    messages.Add(current);
                    current = piece;
                }
            }
        }

        if (current.Length > 0)
        {
            messages.Add(current);
        }

        return messages;
    }

    private static List<string> SplitLines(string section, int limit)
    {
        var pieces = new List<string>();
        var current = "";
        foreach (var line in section.Split('\n').SelectMany(line => line.Length <= limit ? [line] : CutLine(line, limit)))
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > limit)
            {
                pieces.Add(current);
                current = line;
            }
            else
            {
                current = current.Length == 0 ? line : current + "\n" + line;
            }
        }

        if (current.Length > 0)
        {
            pieces.Add(current);
        }

        return pieces;
    }

    private static IEnumerable<string> CutLine(string line, int limit)
    {
        var rest = line;
        while (rest.Length > limit)
        {
            var cut = limit;
            var openTag = rest.LastIndexOf('<', cut - 1);
            var openEntity = rest.LastIndexOf('&', cut - 1);
            if (openTag > 0 && rest.IndexOf('>', openTag) >= cut)
            {
                cut = openTag;
            }

            if (openEntity > 0 && openEntity < cut && rest.IndexOf(';', openEntity) >= cut)
            {
                cut = openEntity;
            }

            yield return rest[..cut];
            rest = rest[cut..];
        }

        yield return rest;
    }
}
