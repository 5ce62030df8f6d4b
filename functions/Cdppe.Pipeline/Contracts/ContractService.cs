using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Contracts;

/// <summary>
/// The contract model of a département (<see cref="ContractModel"/>), derived from what was ingested: the plans the
/// dataset pointers name as current (plan d'action, synthèse, annexes 2.1, each with its ingestion, file and sheets),
/// kept in <see cref="ContractStore"/> with the version of the pointers it comes from and derived again when they
/// moved. Before a workbook is stored, it tells which periods the workbook's years belong to and warns when its plan
/// overlaps or extends another period, or when its years fall outside every contract.
/// </summary>
public sealed class ContractService(IngestionStore ingestions, IngestionReportStore reports, ContractStore store, TimeProvider clock)
{
    /// <summary>The contracts of a département as its current datasets define them.</summary>
    public async Task<IReadOnlyList<Contract>> ListAsync(string partition, CancellationToken cancellationToken = default) =>
        await ListAsync(await ingestions.HeadAsync(partition, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<Contract>> ListAsync(DatasetHead head, CancellationToken cancellationToken = default)
    {
        var version = head.ETag.ToString();
        var stored = await store.ListAsync(head.Partition, cancellationToken);
        if (stored.HeadVersion == version)
        {
            return stored.Contracts;
        }

        var contracts = ContractModel.Derive(await PlansAsync(head, cancellationToken));
        await store.ReplaceAsync(head.Partition, contracts, version, clock.GetUtcNow(), cancellationToken);
        return contracts;
    }

    /// <summary>The refusal of a year no contract of the département covers (<see cref="ContractCoverage"/>), or null.</summary>
    public async Task<string?> YearRefusalAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        ContractCoverage.Refusal(departement, year, await ListAsync(departement.Code, cancellationToken));

    public async Task<IReadOnlyList<ContractView>> ViewsAsync(string partition, CancellationToken cancellationToken = default) =>
        (await ListAsync(partition, cancellationToken)).Select(View).ToList();

    public static ContractView View(Contract c) => new(
        c.Name,
        c.Shape.ToString().ToLowerInvariant(),
        c.Period,
        c.FirstYear,
        c.LastYear,
        c.Plans.Select(p => new ContractPlanView(p.Kind, p.Years, p.IngestionId, p.FileName, p.Sheet, p.ReceivedAt)).ToList());

    /// <summary>
    /// What a workbook about to be stored does to the contracts (nothing is written): its plans attached, the periods
    /// its years belong to, what to warn of: its plan's period overlapping or extending another, a plan d'action
    /// replacing one of other years, its years outside every known contract (the ingestion words the warnings).
    /// </summary>
    public async Task<WorkbookAttachment> AttachAsync(DatasetHead head, string ingestionId, string fileName, DateTimeOffset receivedAt, WorkbookContent content, CancellationToken cancellationToken = default)
    {
        var existing = await ListAsync(head, cancellationToken);
        var plans = PlansOf(ingestionId, fileName, receivedAt, content.Sheets);
        var contracts = existing;
        IReadOnlyList<ContractPeriodChange> periodChanges = [];
        var replacedPlans = new List<(ContractPlan Plan, ContractPlan Replaced)>();
        if (plans.Count > 0)
        {
            var attachment = ContractModel.Attach(existing, plans);
            contracts = attachment.Contracts;
            periodChanges = attachment.Changes;

            // The plan d'action is one dataset whatever its period: a plan d'action of other years takes its place.
            foreach (var plan in plans.Where(p => p.Kind == WorkbookKinds.PlanAction))
            {
                replacedPlans.AddRange(existing.SelectMany(c => c.Plans).Where(p => p.Kind == plan.Kind && p.FirstYear != plan.FirstYear).Select(replaced => (plan, replaced)));
            }
        }

        var years = content.Sheets.Where(s => s.Kind is not null).SelectMany(s => s.Years).Distinct().Order().ToList();
        List<int> outside = contracts.Count == 0 ? [] : years.Where(y => ContractModel.InForce(contracts, y) is null).ToList();
        var names = years.Select(y => ContractModel.InForce(contracts, y)?.Name).OfType<string>().Distinct().ToList();
        return new WorkbookAttachment(contracts, names.Count == 0 ? null : string.Join(", ", names))
        {
            PlanSheet = plans.Count > 0 ? plans[0].Sheet.Split(", ")[0] : null,
            PeriodChanges = periodChanges,
            ReplacedPlans = replacedPlans,
            OutsideYears = outside,
            OutsideSheet = content.Sheets.FirstOrDefault(s => s.Kind is not null && s.Years.Any(outside.Contains))?.Name,
        };
    }

    /// <summary>The plans a workbook carries: one per plan kind and first year, with the sheets it was read from.</summary>
    public static IReadOnlyList<ContractPlan> PlansOf(string ingestionId, string fileName, DateTimeOffset receivedAt, IEnumerable<SheetSummary> sheets) =>
        sheets.Where(s => s.Kind is not null && ContractModel.ShapeOf(s.Kind) is not null && s.Years.Count > 0)
            .GroupBy(s => (Kind: s.Kind!, First: s.Years.Min()))
            .Select(g => new ContractPlan
            {
                Kind = g.Key.Kind,
                Years = g.SelectMany(s => s.Years).Distinct().Order().ToList(),
                IngestionId = ingestionId,
                FileName = fileName,
                Sheet = string.Join(", ", g.Select(s => s.Name)),
                ReceivedAt = receivedAt,
            })
            .ToList();

    /// <summary>The current plans: the datasets of plan kinds the pointers name, with their ingestion's file and sheets.</summary>
    private async Task<IReadOnlyList<ContractPlan>> PlansAsync(DatasetHead head, CancellationToken cancellationToken)
    {
        var plans = new List<ContractPlan>();
        foreach (var (key, id) in head.Current.Where(c => ContractModel.ShapeOf(DatasetKeys.KindOf(c.Key)) is not null))
        {
            var kind = DatasetKeys.KindOf(key);
            var period = key.Length > kind.Length ? key[(kind.Length + 1)..] : null;
            var record = await ingestions.FindAsync(head.Partition, id, cancellationToken);
            var report = await reports.ReadReportAsync(head.Partition, id, cancellationToken);
            if (record is null || report is null)
            {
                continue;
            }

            var sheets = report.Sheets.Where(s => s.Kind == kind && (period is null || Years.Label(s.Years) == period));
            plans.AddRange(PlansOf(id, record.FileName, record.ReceivedAt, sheets));
        }

        // A corrected plan whose years changed is a dataset of its own: the latest of a kind and first year is in force.
        return plans.GroupBy(p => (p.Kind, p.FirstYear)).Select(g => g.MaxBy(p => p.ReceivedAt)!).ToList();
    }
}
