using System.Globalization;
using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Consolidation;

/// <summary>What is due for a département, and the months left out with the reason.</summary>
public sealed record ConsolidationPlan(Departement Departement, IReadOnlyList<YearMonth> Months)
{
    public IReadOnlyList<SkippedMonths> Skipped { get; init; } = [];
}

/// <summary>Consecutive months the consolidation leaves out, and why (in French, for the run record and the API).</summary>
public sealed record SkippedMonths(YearMonth From, YearMonth To, string Reason)
{
    public override string ToString() => From == To ? $"{From} : {Reason}" : $"{From} à {To} : {Reason}";
}

/// <summary>
/// The months a contract's data may be consolidated in: its period, and its reporting window after it (the report of
/// year N is written until 30 June of N+1). Without any contract, the years of the monthly values play that part.
/// </summary>
public sealed record ConsolidationWindow(string Name, YearMonth From, YearMonth To, bool FromContract)
{
    /// <summary>The reporting window closes on 30 June of the year after the period.</summary>
    public const int ReportingWindowMonths = 6;

    public bool Contains(YearMonth month) => month >= From && month <= To;

    public static IReadOnlyList<ConsolidationWindow> Of(IReadOnlyList<Contract> contracts, IEnumerable<YearMonth> valueMonths) =>
        contracts.Count > 0
            ? contracts.Select(c => new ConsolidationWindow($"de « {c.Name} »", new YearMonth(c.FirstYear, 1), new YearMonth(c.LastYear + 1, ReportingWindowMonths), true)).ToList()
            : valueMonths.Select(m => m.Year).Distinct().Order().Select(y => new ConsolidationWindow(string.Create(CultureInfo.InvariantCulture, $"des valeurs de {y}"), new YearMonth(y, 1), new YearMonth(y + 1, ReportingWindowMonths), false)).ToList();

    /// <summary>Splits <paramref name="months"/> into those inside a window and ranges of those outside, with the reason.</summary>
    public static (IReadOnlyList<YearMonth> Inside, IReadOnlyList<SkippedMonths> Skipped) Split(IEnumerable<YearMonth> months, IReadOnlyList<ConsolidationWindow> windows)
    {
        var inside = new List<YearMonth>();
        var skipped = new List<SkippedMonths>();
        foreach (var month in months.Order())
        {
            if (windows.Any(w => w.Contains(month)))
            {
                inside.Add(month);
                continue;
            }

            var reason = ReasonOutside(month, windows);
            if (skipped.Count > 0 && skipped[^1].Reason == reason && skipped[^1].To.Next() == month)
            {
                skipped[^1] = skipped[^1] with { To = month };
            }
            else
            {
                skipped.Add(new SkippedMonths(month, month, reason));
            }
        }

        return (inside, skipped);
    }

    private static string ReasonOutside(YearMonth month, IReadOnlyList<ConsolidationWindow> windows)
    {
        var before = windows.Where(w => w.To < month).MaxBy(w => w.To);
        var after = windows.Where(w => w.From > month).MinBy(w => w.From);
        var closed = before is null ? null : string.Create(CultureInfo.InvariantCulture, $"la fenêtre de rapport {before.Name}, close le 30 juin {before.To.Year}");
        return (before, after) switch
        {
            (null, { } a) => $"avant le début {a.Name}",
            ({ FromContract: false }, null) => $"après {closed} : aucun contrat n'est connu, seules les années des valeurs mensuelles et leur fenêtre de rapport sont consolidées",
            ({ }, null) => $"après {closed} : aucun contrat ne couvre ces mois",
            ({ }, { } a) => $"après {closed}, et avant le début {a.Name}",
            _ => "aucune période de contrat",
        };
    }
}

/// <summary>
/// Decides what is due, in Europe/Paris months, whatever the timer's time zone: every month from the first month
/// with data up to the last finished month that was never consolidated (missed runs, first run) or that received
/// values after its last consolidation (late or corrected uploads) — only within the contracts' periods and their
/// reporting windows (<see cref="ConsolidationWindow"/>); the months outside are listed with the reason.
/// </summary>
public sealed class ConsolidationPlanner(IngestionStore ingestions, IndicatorValueStore values, ConsolidationRunStore runs, ContractService contracts)
{
    public const int MaxMonthsBack = 60;

    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The last finished month in Paris at <paramref name="now"/>.</summary>
    public static YearMonth LastFinishedMonth(DateTimeOffset now) => YearMonth.From(TimeZoneInfo.ConvertTime(now, Paris).DateTime).Previous();

    public async Task<IReadOnlyList<ConsolidationPlan>> PlanAsync(DateTimeOffset now, Departement? only = null, CancellationToken cancellationToken = default)
    {
        var departements = only is { } d ? [d] : await DepartementsAsync(cancellationToken);
        var plans = new List<ConsolidationPlan>();
        foreach (var departement in departements)
        {
            var plan = await DueAsync(departement, LastFinishedMonth(now), cancellationToken);
            if (plan.Months.Count > 0 || plan.Skipped.Count > 0)
            {
                plans.Add(plan);
            }
        }

        return plans;
    }

    /// <summary>Of <paramref name="months"/> (those an ingestion touched), the finished ones inside the département's windows, and those left out.</summary>
    public async Task<ConsolidationPlan> WithinWindowsAsync(Departement departement, IEnumerable<YearMonth> months, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var lastFinished = LastFinishedMonth(now);
        var windows = await WindowsAsync(departement, (await values.LatestReceivedAsync(departement.Code, cancellationToken)).Keys, cancellationToken);
        var (inside, skipped) = ConsolidationWindow.Split(months.Where(m => m <= lastFinished).Distinct(), windows);
        return new ConsolidationPlan(departement, inside) { Skipped = skipped };
    }

    private async Task<IReadOnlyList<ConsolidationWindow>> WindowsAsync(Departement departement, IEnumerable<YearMonth> valueMonths, CancellationToken cancellationToken) =>
        ConsolidationWindow.Of(await contracts.ListAsync(departement.Code, cancellationToken), valueMonths);

    /// <summary>The départements with ingestions (those a run over every département looks at).</summary>
    public async Task<IReadOnlyList<Departement>> DepartementsAsync(CancellationToken cancellationToken = default) =>
        (await ingestions.PartitionsAsync(cancellationToken))
            .Where(c => c != Departement.UnknownPartition)
            .Select(c => Departement.TryParse(c, out var dep) ? dep : null)
            .OfType<Departement>()
            .ToList();

    private async Task<ConsolidationPlan> DueAsync(Departement departement, YearMonth lastFinished, CancellationToken cancellationToken)
    {
        var latestReceived = await values.LatestReceivedAsync(departement.Code, cancellationToken);
        if (latestReceived.Count == 0)
        {
            return new ConsolidationPlan(departement, []);
        }

        var consolidatedAt = await runs.ConsolidatedAtAsync(departement.Code, cancellationToken);
        var first = latestReceived.Keys.Min();
        var floor = lastFinished;
        for (var i = 0; i < MaxMonthsBack; i++)
        {
            floor = floor.Previous();
        }

        if (first < floor)
        {
            first = floor;
        }

        var (inside, skipped) = ConsolidationWindow.Split(YearMonth.Range(first, lastFinished), await WindowsAsync(departement, latestReceived.Keys, cancellationToken));
        var due = inside.Where(month => !consolidatedAt.TryGetValue(month, out var at) || (latestReceived.TryGetValue(month, out var received) && received > at)).ToList();
        return new ConsolidationPlan(departement, due) { Skipped = skipped };
    }
}
