using CrmBridge.Core.Model;
using CrmBridge.Core.People;

namespace CrmBridge.Core.Tests.People;

public class PeopleDirectoryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3));

    private static Manager User(CrmKind crm, string id, string name, string? email = null) => new()
    {
        Ref = new CrmRef(crm, crm == CrmKind.Bitrix24 ? "portal.bitrix24.ru" : "firm.amocrm.ru", id),
        Name = name,
        Email = email,
        ModifiedAt = At,
    };

    private static readonly Manager AnnaB24 = User(CrmKind.Bitrix24, "7", "Анна Смирнова", "Anna@Firm.ru");
    private static readonly Manager AnnaAmo = User(CrmKind.AmoCrm, "8100003", "Анна С.", "anna@firm.ru ");
    private static readonly Manager PoolB24 = User(CrmKind.Bitrix24, "1", "Свободная база", "pool@firm.ru");
    private static readonly Manager PoolAmo = User(CrmKind.AmoCrm, "8100002", "Свободная база", "pool@firm.ru");
    private static readonly Manager Robot = User(CrmKind.Bitrix24, "42", "Интеграция");
    private static readonly Manager Petr = User(CrmKind.Bitrix24, "9", "Пётр Петров");
    private static readonly Manager PetrAmo = User(CrmKind.AmoCrm, "8100009", "Пётр П.", "petr.private@mail.ru");

    [Fact]
    public void Users_with_one_e_mail_in_both_CRMs_are_one_person_whatever_the_case()
    {
        var people = new PeopleDirectory([AnnaB24, AnnaAmo], PeopleSettings.Empty);

        Assert.True(people.SamePerson(AnnaB24.Ref, AnnaAmo.Ref));
        Assert.Equal("anna@firm.ru", people.PersonKey(AnnaAmo.Ref));
        var anna = Assert.Single(people.People);
        Assert.Equal([AnnaB24.Ref, AnnaAmo.Ref], anna.Users);
    }

    [Fact]
    public void A_pool_named_by_e_mail_covers_the_pool_user_of_every_CRM()
    {
        var people = new PeopleDirectory([AnnaB24, PoolB24, PoolAmo], new PeopleSettings { Pool = ["POOL@firm.ru"] });

        Assert.Equal(PersonRole.Pool, people.RoleOf(PoolB24.Ref));
        Assert.False(people.IsManager(PoolAmo.Ref));
        Assert.True(people.IsManager(AnnaB24.Ref));
        Assert.Equal("1", people.PoolUserId(CrmKind.Bitrix24));
        Assert.Equal("8100002", people.PoolUserId(CrmKind.AmoCrm));
    }

    [Fact]
    public void Technical_users_named_by_CRM_user_in_any_spelling_are_nobodys_manager_even_before_the_CRM_users_are_read()
    {
        var settings = new PeopleSettings { Technical = ["bitrix24_42"], Admins = ["amocrm.5"] };
        var empty = new PeopleDirectory([], settings);
        var loaded = new PeopleDirectory([Robot], settings);

        Assert.Equal(PersonRole.Technical, empty.RoleOf(Robot.Ref));
        Assert.Equal(PersonRole.Technical, loaded.RoleOf(Robot.Ref));
        Assert.Equal(PersonRole.Admin, loaded.RoleOf(new CrmRef(CrmKind.AmoCrm, "firm.amocrm.ru", "5")));
    }

    [Fact]
    public void Users_linked_in_settings_are_one_person_although_their_e_mails_differ()
    {
        var settings = new PeopleSettings { Links = new Dictionary<string, IReadOnlyList<string>> { ["petr@firm.ru"] = ["bitrix24:9", "amocrm:8100009"] } };
        var people = new PeopleDirectory([Petr, PetrAmo], settings);

        Assert.True(people.SamePerson(Petr.Ref, PetrAmo.Ref));
        Assert.Equal("petr@firm.ru", people.PersonKey(Petr.Ref));
        Assert.Same(people.Find("amocrm_8100009"), people.Find("PETR@firm.ru"));
    }

    [Fact]
    public void A_user_without_e_mail_is_a_person_of_his_own_keyed_by_CRM_user()
    {
        var people = new PeopleDirectory([Petr, AnnaB24], PeopleSettings.Empty);

        Assert.Equal("bitrix24:9", people.PersonKey(Petr.Ref));
        Assert.False(people.SamePerson(Petr.Ref, AnnaB24.Ref));
        Assert.Equal("Пётр Петров", people.NameOf(Petr.Ref));
        Assert.Equal("77", people.NameOf(Petr.Ref with { Id = "77" }));
    }

    [Theory]
    [InlineData("bitrix24:7", true)]
    [InlineData("bitrix24_7", true)]
    [InlineData("AmoCRM.123", true)]
    [InlineData("bitrix24:", false)]
    [InlineData("megaplan:7", false)]
    [InlineData("7", false)]
    public void User_names_parse_in_the_three_spellings(string text, bool parses)
    {
        Assert.Equal(parses, UserName.TryParse(text, out _));
    }
}
