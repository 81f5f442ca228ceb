using System.Globalization;
using System.Text.Json;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Stores company pages and requisite pages. A company keeps every requisite (merged by requisite id) and the
/// configured INN field as one more source; its INN/KPP/OGRN come from the first active requisite with an INN.
/// An owner different from the stored one is an owner change CrmBridge saw (Bitrix24 REST keeps no owner history).
/// Engine-owned fields are kept from the Store, except the postponement fields the portal is configured to hold.
/// </summary>
internal sealed class CompanyPageWriter(
    ICrmStore store, Bitrix24Mapper mapper, BitrixPostponementReader postponements, Bitrix24Options options, TimeProvider time, ILogger logger)
{
    private const string FieldRequisitePrefix = "field:";

    /// <summary>
    /// Rows are read into cards ahead; the stored copies they build on (engine fields, requisites, owner) are looked up
    /// when the page is stored, together with the write, unless the pass began on an empty account.
    /// </summary>
    public StorePage PrepareCompanies(IReadOnlyList<JsonElement> rows, RowReader reader)
    {
        var mapped = reader.Read<BitrixCompany, CompanyRow>("company", rows, dto => new CompanyRow(mapper.Company(dto), mapper.InnFieldValue(dto), postponements.Read(dto)));
        return nothingStored =>
        {
            var now = time.GetUtcNow();
            var ownerChanges = new List<OwnerChange>();
            List<Company> Build(IReadOnlyDictionary<CrmRef, Company> known)
            {
                ownerChanges.Clear();
                var companies = new List<Company>(mapped.Count);
                foreach (var row in mapped)
                {
                    companies.Add(Merge(row, known.GetValueOrDefault(row.Company.Ref), now, ownerChanges));
                }

                return companies;
            }

            if (nothingStored)
            {
                store.Companies.Insert(Build(new Dictionary<CrmRef, Company>()));
            }
            else
            {
                store.Companies.Revise([.. mapped.Select(m => m.Company.Ref)], Build);
            }

            if (ownerChanges.Count > 0)
            {
                store.OwnerChanges.Upsert(ownerChanges);
            }

            return new PageResult(mapped.Count);
        };
    }

    /// <summary>Requisites are merged into the stored cards, read and written back in one look-up.</summary>
    public StorePage PrepareRequisites(IReadOnlyList<JsonElement> rows, RowReader reader)
    {
        var mapped = reader.Read<BitrixRequisite, CompanyRequisite>("requisite", rows, mapper.Requisite);
        return _ =>
        {
            var groups = mapped.GroupBy(r => r.Company).ToList();
            store.Companies.Revise([.. groups.Select(g => g.Key)], known =>
            {
                var companies = new List<Company>(groups.Count);
                foreach (var group in groups)
                {
                    var stored = known.GetValueOrDefault(group.Key);
                    if (stored is null)
                    {
                        foreach (var orphan in group)
                        {
                            logger.SkippedRecord(mapper.Host, "requisite", orphan.Requisite.Id ?? "(none)", $"company {group.Key.Id} is not in the Store");
                        }

                        continue;
                    }

                    var byId = stored.Requisites.ToDictionary(r => r.Id ?? "", StringComparer.Ordinal);
                    foreach (var item in group)
                    {
                        byId[item.Requisite.Id!] = item.Requisite;
                    }

                    companies.Add(WithRequisites(stored, [.. byId.Values]));
                }

                return companies;
            });
            return new PageResult(mapped.Count);
        };
    }

    /// <summary>A card as read, on top of its stored copy: requisites, engine fields, and an owner change CrmBridge saw.</summary>
    private Company Merge(CompanyRow row, Company? stored, DateTimeOffset now, List<OwnerChange> ownerChanges)
    {
        var (fresh, innFieldValue, postponement) = row;
        var requisites = (stored?.Requisites ?? []).Where(r => r.Id?.StartsWith(FieldRequisitePrefix, StringComparison.Ordinal) != true).ToList();
        if (innFieldValue is not null)
        {
            requisites.Add(new Requisite(innFieldValue, null, null, options.InnField) { Id = FieldRequisitePrefix + options.InnField });
        }

        var company = WithRequisites(postponement.ApplyTo(Preserve(fresh, stored)), requisites);
        if (stored is not null && stored.OwnerId != company.OwnerId && company.OwnerId is not null)
        {
            company = company with { OwnerSince = now };
            ownerChanges.Add(new OwnerChange
            {
                Ref = mapper.Ref($"{company.Ref.Id}-{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}"),
                Company = company.Ref,
                FromOwnerId = stored.OwnerId,
                ToOwnerId = company.OwnerId,
                At = now,
            });
            logger.OwnerChanged(mapper.Host, company.Ref.Id, stored.OwnerId, company.OwnerId);
        }

        return company;
    }

    private static Company Preserve(Company fresh, Company? stored) =>
        stored is null
            ? fresh with { OwnerSince = fresh.CreatedAt }
            : fresh with
            {
                OwnerSince = stored.OwnerSince ?? fresh.CreatedAt,
                Category = stored.Category,
                CategoryDecision = stored.CategoryDecision,
                Status = stored.Status,
                PostponedUntil = stored.PostponedUntil,
                PostponeReason = stored.PostponeReason,
                QuarantinedUntil = stored.QuarantinedUntil,
            };

    private static Company WithRequisites(Company company, List<Requisite> requisites)
    {
        var ordered = requisites
            .OrderBy(r => r.Id?.StartsWith(FieldRequisitePrefix, StringComparison.Ordinal) == true ? 1 : 0)
            .ThenBy(r => long.TryParse(r.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : long.MaxValue)
            .ToList();
        var primary = ordered.FirstOrDefault(r => r.IsActive && !string.IsNullOrWhiteSpace(r.Inn));
        return company with
        {
            Requisites = ordered,
            Inn = primary?.Inn,
            Kpp = primary?.Kpp,
            Ogrn = primary?.Ogrn,
        };
    }

    private sealed record CompanyRow(Company Company, string? InnFieldValue, BitrixPostponement Postponement);
}
