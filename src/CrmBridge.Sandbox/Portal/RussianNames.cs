namespace CrmBridge.Sandbox.Portal;

/// <summary>Word lists for company and person names. First names have distinct initials so initials stay unique.</summary>
internal static class RussianNames
{
    public static readonly string[] NamePrefixes =
    [
        "Техно", "Строй", "Агро", "Энерго", "Мега", "Спец", "Пром", "Инвест", "Транс", "Медиа",
        "Фарм", "Нефте", "Газо", "Лес", "Авто", "Металл", "Хим", "Электро", "Телеком", "Логистик",
        "Север", "Юг", "Восток", "Запад", "Альфа", "Бета", "Вектор", "Гранит", "Орион", "Сигма",
    ];

    public static readonly string[] NameSuffixes =
    [
        "снаб", "сервис", "торг", "маш", "ком", "лайн", "проект", "систем", "трейд", "мир", "холдинг", "групп",
        "стандарт", "ресурс", "пром", "монтаж", "альянс", "капитал", "тех", "вест", "инжиниринг", "консалт", "деталь", "мастер",
    ];

    public static readonly string[] NameQualifiers =
    [
        "", " Плюс", " Центр", " Регион", " Урал", " Сибирь", " Нева", " Волга", " Профи", " Лидер",
        " Эксперт", " Партнёр", " Стиль", " Форум", " Гарант", " Развитие", " Комплект", " Балт", " Дон", " Кама",
    ];

    /// <summary>Male surnames ending in -ов/-ев/-ин/-ёв: the female form adds "а".</summary>
    public static readonly string[] Surnames =
    [
        "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
        "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
    ];

    public static readonly string[] MaleFirstNames =
    [
        "Александр", "Дмитрий", "Максим", "Сергей", "Игорь", "Кирилл", "Николай", "Роман", "Евгений", "Владимир",
        "Тимофей", "Григорий", "Павел", "Юрий", "Леонид", "Олег", "Фёдор", "Борис", "Ярослав", "Эдуард",
    ];

    public static readonly string[] FemaleFirstNames =
    [
        "Анна", "Дарья", "Мария", "Светлана", "Ирина", "Ксения", "Наталья", "Раиса", "Елена", "Виктория",
        "Татьяна", "Галина", "Полина", "Юлия", "Людмила", "Ольга", "Фаина", "Валентина", "Яна", "Эльвира",
    ];

    /// <summary>Patronymic stems of MaleFirstNames, same order: add "ич" or "на".</summary>
    public static readonly string[] PatronymicStems =
    [
        "Александров", "Дмитриев", "Максимов", "Сергеев", "Игорев", "Кириллов", "Николаев", "Романов", "Евгеньев", "Владимиров",
        "Тимофеев", "Григорьев", "Павлов", "Юрьев", "Леонидов", "Олегов", "Фёдоров", "Борисов", "Ярославов", "Эдуардов",
    ];

    public static readonly string[] Positions =
    [
        "Генеральный директор", "Коммерческий директор", "Директор по закупкам", "Менеджер по закупкам",
        "Главный бухгалтер", "Главный инженер", "Офис-менеджер", "Руководитель отдела снабжения",
    ];

    /// <summary>Positions whose holders decide on purchases (ЛПР).</summary>
    public static readonly HashSet<string> DecisionMakerPositions =
    [
        "Генеральный директор", "Коммерческий директор", "Директор по закупкам", "Руководитель отдела снабжения",
    ];

    public static readonly string[] Streets =
    [
        "ул Ленина", "ул Советская", "пр-кт Мира", "ул Гагарина", "ул Садовая", "ул Заводская", "ш Энтузиастов",
        "ул Промышленная", "наб Речная", "ул Лесная",
    ];

    public static readonly string[] Okveds = ["46.90", "62.01", "41.20", "49.41", "25.11", "47.11", "43.21", "71.12", "10.89", "46.73"];

    public static string FullName(ref SeededRandom random, out string shortForm)
    {
        var female = random.Chance(0.5);
        var surname = random.Pick(Surnames) + (female ? "а" : "");
        var first = female ? random.Pick(FemaleFirstNames) : random.Pick(MaleFirstNames);
        var stem = random.Next(PatronymicStems.Length);
        var patronymic = PatronymicStems[stem] + (female ? "на" : "ич");
        shortForm = $"{surname} {first[0]}.{MaleFirstNames[stem][0]}.";
        return $"{surname} {first} {patronymic}";
    }
}
