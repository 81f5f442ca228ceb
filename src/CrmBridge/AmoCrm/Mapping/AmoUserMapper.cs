using System.Globalization;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;

namespace CrmBridge.AmoCrm.Mapping;

internal static class AmoUserMapper
{
    public static Manager Map(AmoUser user, string account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Manager
        {
            Ref = new CrmRef(CrmKind.AmoCrm, account, user.Id.ToString(CultureInfo.InvariantCulture)),
            Name = user.Name,
            Email = string.IsNullOrWhiteSpace(user.Email) ? null : user.Email.Trim(),
            Active = user.Rights?.IsActive ?? true,
            ModifiedAt = now,
        };
    }
}
