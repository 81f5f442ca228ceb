using System.Text.Json;
using System.Text.Json.Serialization;
using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>
/// Writes a <see cref="CrmRef"/> as {"crm","account","id"}. Not as its Key string: an account may carry a port
/// ("127.0.0.1:5000" for the sandbox), and the Key form cannot be split back unambiguously then.
/// </summary>
internal sealed class CrmRefJsonConverter : JsonConverter<CrmRef>
{
    public override CrmRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A CRM reference must be a JSON object.");
        }

        string? crm = null, account = null, id = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "crm": crm = reader.GetString(); break;
                case "account": account = reader.GetString(); break;
                case "id": id = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        if (crm is null || account is null || id is null)
        {
            throw new JsonException("A CRM reference needs crm, account and id.");
        }

        var kind = crm switch
        {
            "bitrix24" => CrmKind.Bitrix24,
            "amocrm" => CrmKind.AmoCrm,
            _ => throw new JsonException($"'{crm}' is not a known CRM."),
        };
        return new CrmRef(kind, account, id);
    }

    public override void Write(Utf8JsonWriter writer, CrmRef value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("crm", CrmRef.CrmName(value.Crm));
        writer.WriteString("account", value.Account);
        writer.WriteString("id", value.Id);
        writer.WriteEndObject();
    }
}
