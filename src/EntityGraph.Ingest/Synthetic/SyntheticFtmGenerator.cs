using System.Globalization;
using Bogus;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Synthetic.Internal;

namespace EntityGraph.Ingest.Synthetic;

/// <summary>
/// Generates a synthetic export-control case as FtM entities, deterministically from a seed and in
/// constant memory: exporters in the EU, US, Japan and Taiwan; intermediaries in transshipment
/// countries, many incorporated after 24 Feb 2022; end users in Russia and Belarus; persons who own
/// and direct them; sanctions (some expired) on a few percent of parties, and ownership stakes that
/// block others under the 50% rule through chains and a few cycles; shared addresses; and shipments
/// that run forward in time from exporter through one or two intermediaries to an end user, about
/// half of them in CHPL goods, with a few hub parties carrying thousands.
/// </summary>
/// <remarks>
/// Every attribute of party <c>i</c> (role, country, address) is a hash of the seed and <c>i</c>, so a
/// shipment or a stake can name a party without any table of parties being kept; names come from
/// seeded Bogus fakers drawn in output order. <see cref="SyntheticDataPlan"/> says how many of each.
/// </remarks>
public sealed class SyntheticFtmGenerator
{
    private const ulong CountryStream = 1, IncorporationStream = 2, AddressStream = 3, PersonStream = 4,
        OwnershipStream = 5, DirectorshipStream = 6, SanctionStream = 7, ShipmentStream = 8, DetailStream = 9;

    private static readonly DateOnly Invasion = new(2022, 2, 24);

    private static readonly (int Owner, int Other)[] StakeTemplates =
        [(51, 49), (50, 50), (60, 40), (75, 25), (35, 30), (25, 25), (20, 80), (10, 45), (34, 33)];

    private readonly Mix _mix;
    private readonly int _seed;
    private readonly (string Country, int Start, int Count)[] _addressSegments;
    private readonly int _sanctionedPersons;
    private readonly long _companyStride;

    /// <summary>A generator for the given budgets and seed.</summary>
    public SyntheticFtmGenerator(SyntheticDataOptions options)
    {
        Plan = SyntheticDataPlan.For(options);
        _seed = options.Seed;
        _mix = new Mix(options.Seed);
        _addressSegments = AddressSegments(Plan);
        _sanctionedPersons = Math.Min(Plan.Persons, (Plan.Sanctions + 2) / 3);
        _companyStride = 1_000_003;
        while (Gcd(_companyStride, Plan.Companies) != 1)
            _companyStride += 2;
    }

    /// <summary>How many entities of each kind will be generated.</summary>
    public SyntheticDataPlan Plan { get; }

    private int IntermediaryStart => Plan.Exporters;

    private int EndUserStart => Plan.Exporters + Plan.Intermediaries;

    /// <summary>Writes every entity as FtM JSON lines; returns how many were written.</summary>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="progress">Told the running count every 50,000 entities.</param>
    /// <param name="cancellationToken">Stops the generation.</param>
    public async Task<long> WriteAsync(Stream output, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var writer = new FtmLineWriter(output, leaveOpen: true);
        foreach (var entity in Generate())
        {
            await writer.WriteAsync(entity, cancellationToken);
            if (writer.Count % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(writer.Count);
            }
        }

        await writer.FlushAsync(cancellationToken);
        progress?.Report(writer.Count);
        return writer.Count;
    }

    /// <summary>The entities, streamed: addresses, companies, persons, ownerships, directorships, sanctions, shipments.</summary>
    public IEnumerable<FtmEntity> Generate()
    {
        var latin = new Faker("en") { Random = new Randomizer(_seed) };
        var cyrillic = new Faker("ru") { Random = new Randomizer(_seed + 1) };
        for (var j = 0; j < Plan.Addresses; j++)
            yield return Address(j, latin, cyrillic);
        for (var i = 0; i < Plan.Companies; i++)
            yield return Company(i, latin, cyrillic);
        for (var p = 0; p < Plan.Persons; p++)
            yield return Person(p, latin, cyrillic);
        for (var k = 0; k < Plan.Ownerships; k++)
            yield return Ownership(k);
        for (var d = 0; d < Plan.Directorships; d++)
            yield return Directorship(d);
        for (var s = 0; s < Plan.Sanctions; s++)
            yield return Sanction(s);
        foreach (var shipment in Shipments())
            yield return shipment;
    }

    private enum Role
    {
        Exporter,
        Intermediary,
        EndUser,
    }

    private static string CompanyId(int i) => "co-" + i.ToString(CultureInfo.InvariantCulture);

    private static string PersonId(int p) => "pe-" + p.ToString(CultureInfo.InvariantCulture);

    private static string AddressId(int j) => "ad-" + j.ToString(CultureInfo.InvariantCulture);

    private Role RoleOf(int company) => company < IntermediaryStart ? Role.Exporter : company < EndUserStart ? Role.Intermediary : Role.EndUser;

    private string CompanyCountry(int i)
    {
        var unit = _mix.Unit(CountryStream, i);
        return RoleOf(i) switch
        {
            Role.Exporter => Vocabulary.ExporterCountries.Pick(unit),
            Role.Intermediary => Vocabulary.IntermediaryCountries.Pick(unit),
            _ => Vocabulary.EndUserCountries.Pick(unit),
        };
    }

    private string PersonCountry(int p)
    {
        var unit = _mix.Unit(PersonStream, p);
        var pick = _mix.Unit(PersonStream, -1 - p);
        if (p < _sanctionedPersons)
            return unit < 0.8 ? "ru" : "by";
        return unit switch
        {
            < 0.45 => "ru",
            < 0.53 => "by",
            < 0.80 => Vocabulary.IntermediaryCountries.Pick(pick),
            _ => Vocabulary.ExporterCountries.Pick(pick),
        };
    }

    private static bool WritesCyrillic(string country) => country is "ru" or "by" or "kz" or "kg";

    /// <summary>Addresses are split by country in proportion to the companies there, so a company's address is in its country.</summary>
    private static (string Country, int Start, int Count)[] AddressSegments(SyntheticDataPlan plan)
    {
        var shares = new List<(string Country, double Share)>();
        void AddRole(Weighted<string> countries, double roleShare)
        {
            for (var i = 0; i < countries.Values.Count; i++)
                shares.Add((countries.Values[i], roleShare * countries.WeightOf(i)));
        }

        AddRole(Vocabulary.ExporterCountries, (double)plan.Exporters / plan.Companies);
        AddRole(Vocabulary.IntermediaryCountries, (double)plan.Intermediaries / plan.Companies);
        AddRole(Vocabulary.EndUserCountries, (double)plan.EndUsers / plan.Companies);
        var segments = new (string, int, int)[shares.Count];
        var start = 0;
        for (var i = 0; i < shares.Count; i++)
        {
            var count = i == shares.Count - 1 ? plan.Addresses - start : (int)(plan.Addresses * shares[i].Share);
            segments[i] = (shares[i].Country, start, count);
            start += count;
        }

        return segments;
    }

    private string AddressCountry(int j)
    {
        foreach (var (country, start, count) in _addressSegments)
        {
            if (j < start + count)
                return country;
        }

        return _addressSegments[^1].Country;
    }

    /// <summary>Most companies have an address of their own; some share one with hundreds of others, as at a registration agent.</summary>
    private int? CompanyAddress(int i, string country)
    {
        var segment = Array.Find(_addressSegments, s => s.Country == country);
        if (segment.Count == 0)
            return null;
        var unit = _mix.Unit(AddressStream, i);
        var skewed = _mix.Unit(AddressStream, -1 - i) < 0.3 ? unit * unit * unit : unit;
        return segment.Start + Math.Min(segment.Count - 1, (int)(segment.Count * skewed));
    }

    private FtmEntity Address(int j, Faker latin, Faker cyrillic)
    {
        var country = AddressCountry(j);
        var faker = WritesCyrillic(country) ? cyrillic : latin;
        var cities = Vocabulary.Cities[country];
        var city = cities[_mix.Below(DetailStream, j, cities.Length)];
        var street = faker.Address.StreetAddress();
        var postcode = _mix.Below(DetailStream, -1 - j, 900_000) + 100_000;
        return Entity(AddressId(j), "Address", new()
        {
            ["full"] = [$"{street}, {postcode} {city}, {Countries.NameOf(country)}"],
            ["street"] = [street],
            ["city"] = [city],
            ["postalCode"] = [postcode.ToString(CultureInfo.InvariantCulture)],
            ["country"] = [country],
        });
    }

    private FtmEntity Company(int i, Faker latin, Faker cyrillic)
    {
        var country = CompanyCountry(i);
        var role = RoleOf(i);
        var forms = Vocabulary.LegalForms[country];
        var form = forms[_mix.Below(DetailStream, i, forms.Length)];
        string name;
        if (form.Any(c => c is >= 'А' and <= 'я'))
        {
            var trade = Vocabulary.CyrillicTrades[_mix.Below(DetailStream, -1 - i, Vocabulary.CyrillicTrades.Length)];
            name = $"{form} «{trade} {cyrillic.Name.LastName()}»";
        }
        else
        {
            var trade = role == Role.Exporter ? Vocabulary.ExporterTrades[_mix.Below(DetailStream, -1 - i, Vocabulary.ExporterTrades.Length)] : "Trade";
            name = country is "cn" or "ae" or "hk" or "tr" ? $"{latin.Name.LastName()} {form}" : $"{latin.Name.LastName()} {trade} {form}";
        }

        var properties = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["name"] = [name],
            ["country"] = [country],
            ["jurisdiction"] = [country],
            ["incorporationDate"] = [IncorporationDate(i, role)],
            ["registrationNumber"] = [Digits(i, 9)],
        };
        if (CompanyAddress(i, country) is { } address)
            properties["addressEntity"] = [AddressId(address)];
        if (country == "ru")
            properties["innCode"] = [Digits(-1 - i, 10)];
        if (role == Role.EndUser && _mix.Unit(DetailStream, 3L * i) < 0.02)
            properties["topics"] = ["export.control"];
        return Entity(CompanyId(i), "Company", properties);
    }

    private string IncorporationDate(int i, Role role)
    {
        var unit = _mix.Unit(IncorporationStream, i);
        var date = role switch
        {
            Role.Exporter => Between(new DateOnly(1950, 1, 1), new DateOnly(2015, 12, 31), unit),
            Role.EndUser => Between(new DateOnly(1992, 1, 1), new DateOnly(2021, 12, 31), unit),
            // Many intermediaries appear right after the invasion: a red flag investigators look for.
            _ when _mix.Unit(IncorporationStream, -1 - i) < 0.55 => Between(Invasion.AddDays(1), new DateOnly(2024, 9, 30), unit),
            _ => Between(new DateOnly(1995, 1, 1), Invasion.AddDays(-1), unit),
        };
        // Some registries give only the month; keep that precision.
        return _mix.Unit(IncorporationStream, 1L << 40 | (uint)i) < 0.05 ? date.ToString("yyyy-MM", CultureInfo.InvariantCulture) : Iso(date);
    }

    private FtmEntity Person(int p, Faker latin, Faker cyrillic)
    {
        var country = PersonCountry(p);
        var faker = WritesCyrillic(country) ? cyrillic : latin;
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        return Entity(PersonId(p), "Person", new()
        {
            ["name"] = [$"{first} {last}"],
            ["firstName"] = [first],
            ["lastName"] = [last],
            ["nationality"] = [country],
            ["birthDate"] = [Iso(Between(new DateOnly(1945, 1, 1), new DateOnly(1998, 12, 31), _mix.Unit(PersonStream, 1L << 40 | (uint)p)))],
        });
    }

    /// <summary>A permutation of the companies, so stakes and directorships spread over all of them.</summary>
    private int CompanyAt(long index, ulong salt)
    {
        var companies = Plan.Companies;
        var offset = (long)(_mix.Hash(salt, 0) % (ulong)companies);
        return (int)(((index * _companyStride) + offset) % companies);
    }

    private static int HeavyTailed(int start, int count, double unit, double skew) =>
        start + Math.Min(count - 1, (int)(count * (skew < 0.3 ? Math.Pow(unit, 4) : unit)));

    private FtmEntity Ownership(int k)
    {
        var pair = k / 2;
        var stake = k % 2;
        var asset = CompanyAt(pair, OwnershipStream);
        var role = RoleOf(asset);
        var kind = _mix.Unit(OwnershipStream, pair);
        var template = StakeTemplates[_mix.Below(OwnershipStream, -1 - pair, StakeTemplates.Length)];
        string owner;
        var pairs = Plan.Ownerships / 2;
        if (stake == 0 && pair % 500 == 0 && pair + 1 < pairs)
        {
            owner = CompanyId(CompanyAt(pair + 1, OwnershipStream));
        }
        else if (stake == 0 && pair % 500 == 1)
        {
            // Closes a cycle with the previous pair: each company owns a stake in the other.
            owner = CompanyId(CompanyAt(pair - 1, OwnershipStream));
        }
        else if (stake == 0 && role != Role.Exporter && kind < 0.12 && _sanctionedPersons > 0)
        {
            owner = PersonId(_mix.Below(OwnershipStream, 1L << 40 | (uint)pair, _sanctionedPersons));
            template = StakeTemplates[_mix.Below(OwnershipStream, 1L << 41 | (uint)pair, 4)];
        }
        else if (stake == 0 && role == Role.Intermediary && kind < 0.20)
        {
            owner = CompanyId(EndUserStart + _mix.Below(OwnershipStream, 1L << 42 | (uint)pair, Plan.EndUsers));
            template = StakeTemplates[_mix.Below(OwnershipStream, 1L << 41 | (uint)pair, 4)];
        }
        else if (_mix.Unit(OwnershipStream, 1L << 43 | (uint)k) < 0.6)
        {
            owner = PersonId(HeavyTailed(0, Plan.Persons, _mix.Unit(OwnershipStream, 1L << 44 | (uint)k), _mix.Unit(OwnershipStream, 1L << 45 | (uint)k)));
        }
        else
        {
            var (start, count) = role switch
            {
                Role.Exporter => (0, Plan.Exporters),
                Role.Intermediary => (IntermediaryStart, Plan.Intermediaries + Plan.EndUsers),
                _ => (EndUserStart, Plan.EndUsers),
            };
            var company = start + _mix.Below(OwnershipStream, 1L << 46 | (uint)k, count);
            owner = CompanyId(company == asset ? (company + 1) % Plan.Companies : company);
        }

        var percent = stake == 0 ? template.Owner : template.Other;
        var style = _mix.Unit(OwnershipStream, 1L << 47 | (uint)k);
        var percentage = style switch
        {
            < 0.60 => $"{percent}%",
            < 0.82 => percent.ToString(CultureInfo.InvariantCulture),
            < 0.94 => $"{percent}.0 %",
            < 0.97 when percent > 50 => "majority",
            < 0.97 => $"{Math.Max(0, percent - 5)}-{percent}%",
            _ => $"{percent},00%",
        };
        return Entity("ow-" + k.ToString(CultureInfo.InvariantCulture), "Ownership", new()
        {
            ["owner"] = [owner],
            ["asset"] = [CompanyId(asset)],
            ["percentage"] = [percentage],
            ["role"] = ["shareholder"],
            ["startDate"] = [Iso(Between(new DateOnly(2005, 1, 1), new DateOnly(2024, 6, 30), _mix.Unit(OwnershipStream, 1L << 48 | (uint)k)))],
        });
    }

    private FtmEntity Directorship(int d)
    {
        var organization = CompanyAt(d, DirectorshipStream);
        var unit = _mix.Unit(DirectorshipStream, d);
        var pick = _mix.Unit(DirectorshipStream, -1 - d);
        var nominees = Math.Max(1, Plan.Persons / 200);
        var director = unit switch
        {
            // A few nominee directors sit on the boards of hundreds of companies.
            < 0.20 => _sanctionedPersons + (int)(pick * nominees),
            < 0.26 when RoleOf(organization) == Role.EndUser && _sanctionedPersons > 0 => (int)(pick * _sanctionedPersons),
            _ => (int)(pick * Plan.Persons),
        };
        var country = CompanyCountry(organization);
        return Entity("di-" + d.ToString(CultureInfo.InvariantCulture), "Directorship", new()
        {
            ["director"] = [PersonId(Math.Min(director, Plan.Persons - 1))],
            ["organization"] = [CompanyId(organization)],
            ["role"] = [country is "ru" or "by" ? "Генеральный директор" : "Director"],
            ["startDate"] = [Iso(Between(new DateOnly(2008, 1, 1), new DateOnly(2024, 6, 30), _mix.Unit(DirectorshipStream, 1L << 40 | (uint)d)))],
        });
    }

    private FtmEntity Sanction(int s)
    {
        string target, country;
        if (s % 3 == 0 && s / 3 < _sanctionedPersons)
        {
            target = PersonId(s / 3);
            country = PersonCountry(s / 3);
        }
        else
        {
            var company = s % 20 == 1
                ? IntermediaryStart + _mix.Below(SanctionStream, s, Plan.Intermediaries)
                : EndUserStart + (int)((long)s * 7919 % Plan.EndUsers);
            target = CompanyId(company);
            country = CompanyCountry(company);
        }

        var (authority, program) = Vocabulary.Authorities.Pick(_mix.Unit(SanctionStream, -1 - s));
        var start = Between(Invasion, new DateOnly(2024, 6, 30), _mix.Unit(SanctionStream, 1L << 40 | (uint)s));
        var properties = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["entity"] = [target],
            ["authority"] = [authority],
            ["program"] = [program],
            ["country"] = [country],
            ["startDate"] = [Iso(start)],
            ["listingDate"] = [Iso(start)],
        };
        // Some listings were lifted: an expired sanction no longer restricts the party.
        if (_mix.Unit(SanctionStream, 1L << 41 | (uint)s) < 0.12)
            properties["endDate"] = [Iso(start.AddDays(90 + _mix.Below(SanctionStream, 1L << 42 | (uint)s, 400)))];
        return Entity("sa-" + s.ToString(CultureInfo.InvariantCulture), "Sanction", properties);
    }

    private IEnumerable<FtmEntity> Shipments()
    {
        long draw = 0;
        double Next() => _mix.Unit(ShipmentStream, draw++);
        var hops = new List<(int Sender, int Receiver)>(3);
        var k = 0;
        while (k < Plan.Shipments)
        {
            var exporter = HeavyTailed(0, Plan.Exporters, Next(), Next());
            var first = HeavyTailed(IntermediaryStart, Plan.Intermediaries, Next(), Next());
            var second = HeavyTailed(IntermediaryStart, Plan.Intermediaries, Next(), Next());
            var endUser = HeavyTailed(EndUserStart, Plan.EndUsers, Next(), Next());
            var shape = Next();
            hops.Clear();
            DateOnly date;
            if (shape < 0.10)
            {
                // Direct trade with Russia and Belarus, mostly from before the restrictions.
                hops.Add((exporter, endUser));
                date = Next() < 0.8 ? Between(new DateOnly(2021, 1, 1), Invasion, Next()) : Between(Invasion, new DateOnly(2024, 12, 31), Next());
            }
            else
            {
                hops.Add((exporter, first));
                if (shape < 0.65)
                    hops.Add((first, endUser));
                else if (shape < 0.80 && second != first)
                {
                    hops.Add((first, second));
                    hops.Add((second, endUser));
                }

                date = Between(new DateOnly(2021, 1, 1), new DateOnly(2024, 9, 30), Next());
            }

            var goods = Next() < 0.5
                ? Vocabulary.ChplGoods[(int)(Next() * Vocabulary.ChplGoods.Length)]
                : Vocabulary.OrdinaryGoods[(int)(Next() * Vocabulary.OrdinaryGoods.Length)];
            var vedCode = goods.Hs6 + (Next() < 0.7 ? "0000" : ((int)(Next() * 90 + 10)).ToString(CultureInfo.InvariantCulture) + "00");
            var value = 500 * Math.Pow(10, Next() * 3.5);
            var origin = CompanyCountry(exporter);
            foreach (var (sender, receiver) in hops)
            {
                if (k >= Plan.Shipments)
                    yield break;
                yield return Entity("sh-" + k.ToString(CultureInfo.InvariantCulture), "EconomicActivity", new()
                {
                    ["sender"] = [CompanyId(sender)],
                    ["receiver"] = [CompanyId(receiver)],
                    ["date"] = [Iso(date)],
                    ["vedCode"] = [vedCode],
                    ["goodsDescription"] = [goods.Description],
                    ["customsAmount"] = [value.ToString("F2", CultureInfo.InvariantCulture)],
                    ["originCountry"] = [origin],
                    ["departureCountry"] = [CompanyCountry(sender)],
                    ["destinationCountry"] = [CompanyCountry(receiver)],
                });
                k++;
                // Goods rest at the intermediary for days to months before moving on, marked up.
                date = date.AddDays(1 + (int)(119 * Math.Pow(Next(), 2)));
                value *= 1.05 + (Next() * 0.3);
            }
        }
    }

    private static FtmEntity Entity(string id, string schema, Dictionary<string, List<string>> properties) =>
        new(id, schema, properties.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));

    private string Digits(long index, int length)
    {
        var hash = _mix.Hash(DetailStream, 1L << 50 | index);
        var text = (hash % 10_000_000_000_000UL).ToString(CultureInfo.InvariantCulture).PadLeft(13, '0');
        return text[..length];
    }

    private static DateOnly Between(DateOnly from, DateOnly to, double unit) =>
        DateOnly.FromDayNumber(from.DayNumber + (int)((to.DayNumber - from.DayNumber) * unit));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
