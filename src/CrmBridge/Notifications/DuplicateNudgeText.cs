using System.Net;

namespace CrmBridge.Notifications;

/// <summary>Texts about a duplicate card, Russian by default, English by Telegram:Language = en.</summary>
internal sealed class DuplicateNudgeText(string language)
{
    private bool English => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Telegram HTML for the owner of the duplicate card.</summary>
    public string Nudge(string title, string inn, Uri? cardUrl, string masterTitle, Uri? masterUrl, string? masterOwnerName)
    {
        var card = Link(title, cardUrl);
        var master = Link(masterTitle, masterUrl);
        var owner = masterOwnerName is null ? "" : WebUtility.HtmlEncode(masterOwnerName);
        if (English)
        {
            return $"Your card {card} (INN {inn}) is a duplicate. The master card is {master}" +
                   (owner.Length > 0 ? $", owned by {owner}" : "") + ". Please agree who keeps the client and merge the data into the master.";
        }

        return $"Ваша карточка {card} (ИНН {inn}) — дубликат. Основная карточка: {master}" +
               (owner.Length > 0 ? $", ответственный — {owner}" : "") + ". Договоритесь, кто ведёт клиента, и перенесите данные в основную карточку.";
    }

    /// <summary>Plain text comment on the duplicate card in its CRM.</summary>
    public string Comment(string inn, string masterTitle, Uri? masterUrl, string reason)
    {
        var where = masterUrl is null ? masterTitle : $"{masterTitle} ({masterUrl})";
        return English
            ? $"CrmBridge: this card duplicates INN {inn}. Master card: {where} — chosen as {reason}. Nothing was merged or deleted."
            : $"CrmBridge: эта карточка — дубликат по ИНН {inn}. Основная карточка: {where} (выбрана как {ReasonRu(reason)}). Ничего не объединено и не удалено.";
    }

    private static string Link(string title, Uri? url)
    {
        var text = $"«{WebUtility.HtmlEncode(title)}»";
        return url is null ? text : $"<a href=\"{WebUtility.HtmlEncode(url.ToString())}\">{text}</a>";
    }

    private static string ReasonRu(string reason) => reason switch
    {
        "oldest" => "самая старая",
        "more complete" => "более полная",
        "Bitrix24 first" => "карточка Bitrix24",
        "lowest id" => "с наименьшим id",
        _ => reason,
    };
}
