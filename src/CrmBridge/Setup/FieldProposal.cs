using CrmBridge.Core.Model;

namespace CrmBridge.Setup;

/// <summary>
/// Where one meaning lives in one CRM: the field (null = the built-in source, e.g. Bitrix24 requisites), the setting
/// and value to write (null = nothing to write), and the evidence in words.
/// </summary>
internal sealed record FieldProposal(CrmKind Crm, FieldPurpose Purpose, SurveyedField? Field, string? SettingKey, string? SettingValue, string Evidence);
