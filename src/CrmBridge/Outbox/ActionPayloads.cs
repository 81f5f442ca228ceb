using CrmBridge.Core.Model;
using CrmBridge.Foundation;

namespace CrmBridge.Outbox;

/// <summary>A Telegram message in HTML.</summary>
internal sealed record TelegramMessagePayload(ChatAddress ChatId, string Html);

/// <summary>A PNG (the funnel chart) with an optional HTML caption: its own action, so its text never resends it.</summary>
internal sealed record TelegramPhotoPayload(ChatAddress ChatId, byte[] Png, string? Caption);

/// <summary>Give a company card to another CRM user and say why on the card.</summary>
internal sealed record ReassignCompanyPayload(CrmRef Company, string NewOwnerId, string Comment);

/// <summary>A comment on the company card's timeline / notes.</summary>
internal sealed record CompanyCommentPayload(CrmRef Company, string Text);

/// <summary>A task (to-do) for a CRM user bound to the company card.</summary>
internal sealed record CompanyTaskPayload(CrmRef Company, string ResponsibleId, string Title, DateTimeOffset Deadline);

/// <summary>
/// Fill empty legal fields of a company card from registry data (kind <see cref="ActionKinds.CrmFillEmptyFields"/>).
/// Field names are neutral (<see cref="Kpp"/>, <see cref="Ogrn"/>); the connector maps them to its CRM's fields, re-reads
/// the card and writes only fields still empty, so a value someone entered since the plan is never overwritten.
/// </summary>
internal sealed record CompanyFieldsPayload(CrmRef Company, IReadOnlyDictionary<string, string> Fields, string Source)
{
    public const string Kpp = "KPP";
    public const string Ogrn = "OGRN";

    /// <summary>The INN the registry values belong to; a card whose INN changed since the plan is left alone.</summary>
    public string? Inn { get; init; }
}

/// <summary>A file sent with sendDocument (the full list of a summarised tick as CSV), with an optional HTML caption.</summary>
internal sealed record TelegramDocumentPayload(ChatAddress ChatId, string FileName, byte[] Content, string? Caption = null);
