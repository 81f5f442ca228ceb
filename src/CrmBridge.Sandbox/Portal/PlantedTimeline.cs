using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// The deals and activities of a planted card. Every planted card is clean except for the one thing it plants:
/// a manager's card progresses within 12 days and its last contact is 40+ days old unless the scenario says otherwise.
/// </summary>
internal sealed class PlantedTimeline(PortalClock clock, PlantedRole role)
{
    private DateTimeOffset Now => clock.Now;

    public void Build(CompanyBuilder builder, ref SeededRandom random)
    {
        var owner = role.Owner;
        switch (role.Kind)
        {
            case PlantedKind.DuplicateCopy or PlantedKind.BranchOffice or PlantedKind.ProbableCopy:
                HealthyDeal(builder, ref random);
                break;
            case PlantedKind.Cooldown:
                HealthyDeal(builder, ref random);
                builder.AddContact(ActivityKind.Call, Direction.Inbound, owner, Now.AddDays(-20).AddHours(-2));
                builder.AddContact(ActivityKind.Call, Direction.Outbound, owner, Now.AddDays(-5).AddHours(-1));
                break;
            case PlantedKind.OwnershipTimeout or PlantedKind.OwnershipWarning:
                var clockStart = Now.AddDays(-role.ClockDays).AddHours(-3);
                builder.OwnerChanges.Add(new PortalOwnerChange(PortalUsers.Pool, owner, clockStart.AddHours(-1)));
                builder.AddDeal(ref random, owner, clockStart);
                break;
            case PlantedKind.Conflict:
                Healthy(builder, ref random);
                builder.AddContact(ActivityKind.Call, Direction.Outbound, role.OtherManager, Now.AddDays(-3).AddHours(-4));
                break;
            case PlantedKind.Sleeping:
                var wonCreated = Now.AddDays(-320);
                builder.AddDeal(ref random, PortalUsers.Manager(1), wonCreated, (PortalPipeline.Preparation, wonCreated.AddDays(5)), (PortalPipeline.Won, Now.AddDays(-300)));
                builder.AddContact(ActivityKind.Call, Direction.Outbound, PortalUsers.Manager(1), Now.AddDays(-305));
                builder.AddContact(ActivityKind.Meeting, Direction.None, PortalUsers.Manager(1), Now.AddDays(-250));
                break;
            case PlantedKind.Yesterday:
                Yesterday(builder, ref random);
                break;
            default:
                Healthy(builder, ref random);
                break;
        }
    }

    private void Healthy(CompanyBuilder builder, ref SeededRandom random)
    {
        HealthyDeal(builder, ref random);
        builder.AddContact(ActivityKind.Call, Direction.Outbound, role.Owner, Now.AddDays(-random.NextDouble(40, 50)));
    }

    private void HealthyDeal(CompanyBuilder builder, ref SeededRandom random)
    {
        if (role.Owner == PortalUsers.Pool)
        {
            return;
        }

        var created = Now.AddDays(-random.NextDouble(5, 12));
        builder.AddDeal(ref random, role.Owner, created, (PortalPipeline.Preparation, created.AddDays(1)));
    }

    private void Yesterday(CompanyBuilder builder, ref SeededRandom random)
    {
        var owner = role.Owner;
        var y = clock.YesterdayStart;
        builder.AddContact(ActivityKind.Call, Direction.Outbound, owner, Now.AddDays(-random.NextDouble(40, 50)));
        if (role.YesterdayDealWon)
        {
            var created = Now.AddDays(-15);
            builder.AddDeal(ref random, owner, created, (PortalPipeline.Preparation, created.AddDays(2)), (PortalPipeline.Won, y.AddHours(15)));
        }

        if (role.YesterdayDealCreated)
        {
            builder.AddDeal(ref random, owner, y.AddHours(11).AddMinutes(random.Next(50)));
        }

        if (!role.YesterdayDealWon && !role.YesterdayDealCreated)
        {
            HealthyDeal(builder, ref random);
        }

        if (role.YesterdayContact is { } kind)
        {
            var at = y.AddHours(10).AddMinutes(random.Next(400));
            builder.AddContact(kind, kind == ActivityKind.Call ? Direction.Outbound : Direction.None, owner, at);
        }
    }
}
