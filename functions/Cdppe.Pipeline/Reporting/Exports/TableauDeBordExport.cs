using System.Globalization;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// The tableau de bord SNPPE filled in (<c>GET /api/exports/tableau-de-bord/{year}</c> and the portal's Rapport page):
/// the indicators of the département's tableau de bord (all its indicators when it dropped none), in the order of
/// its workbook, with the niveau d'atteinte of every contract year up to the exported year.
/// </summary>
public sealed class TableauDeBordExport(IngestionStore ingestions, IndicatorStore indicators, SnapshotStore snapshots, ContractService contracts, TimeProvider clock)
{
    public static string FileName(Departement departement, int year) => string.Create(CultureInfo.InvariantCulture, $"tableau-de-bord-snppe-{departement.Code}-{year}.xlsx");

    public async Task<Outcome<FileDownload>> ExportAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var head = await ingestions.HeadAsync(departement.Code, cancellationToken);
        var current = await indicators.CurrentAsync(head, cancellationToken);
        if (current.Count == 0)
        {
            return new(Refusal.NotFound, ExportMessages.NoIndicators(departement));
        }

        var years = await ContractYearsAsync(head, year, current.Values, cancellationToken);
        var monthly = new Dictionary<int, ILookup<string, MonthlySnapshot>>();
        foreach (var y in years.Where(y => y <= year))
        {
            monthly[y] = (await snapshots.YearAsync(departement.Code, y, cancellationToken)).ToLookup(s => s.Code, StringComparer.Ordinal);
        }

        var lines = (await OrderedAsync(head, current, cancellationToken))
            .Select(d => new TableauDeBordSheet.Line(d, years.ToDictionary(y => y, y => y <= year ? AchievementRule.Of(d, monthly[y][d.Code], y) : null)))
            .ToList();
        var sheet = TableauDeBordSheet.Build(departement, year, years, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), lines);
        return new(new FileDownload(Ingestion.Xlsx.XlsxWriter.Write([sheet]), ExportCells.ContentType, FileName(departement, year)));
    }

    /// <summary>The years of the contract in force in <paramref name="year"/>, else the years the indicators have targets for, else the year alone.</summary>
    private async Task<IReadOnlyList<int>> ContractYearsAsync(DatasetHead head, int year, IEnumerable<IndicatorDefinition> all, CancellationToken cancellationToken)
    {
        if ((await contracts.ListAsync(head, cancellationToken)).FirstOrDefault(c => c.Covers(year)) is { } contract)
        {
            return Enumerable.Range(contract.FirstYear, contract.LastYear - contract.FirstYear + 1).ToList();
        }

        var targeted = all.SelectMany(d => d.Targets.Keys).Distinct().Order().ToList();
        return targeted.Contains(year) ? targeted : [year];
    }

    /// <summary>The tableau de bord's indicators in the order of its rows; every indicator by objective when none was dropped.</summary>
    private async Task<IReadOnlyList<IndicatorDefinition>> OrderedAsync(DatasetHead head, IReadOnlyDictionary<string, IndicatorDefinition> current, CancellationToken cancellationToken)
    {
        var sources = await indicators.SourcesAsync(head, WorkbookKinds.TableauDeBord, cancellationToken);
        var ordered = sources.Count > 0
            ? sources.OrderBy(s => RowOf(s.Definition.SourceCell)).Select(s => current.GetValueOrDefault(s.Definition.Code) ?? s.Definition).ToList()
            : current.Values.OrderBy(d => d.Objectif ?? int.MaxValue).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();

        // Objectives keep the order of their first indicator; an objective's indicators stay together.
        var firstOf = new Dictionary<int, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            firstOf.TryAdd(ordered[i].Objectif ?? 0, i);
        }

        return ordered.Select((d, i) => (d, i)).OrderBy(t => firstOf[t.d.Objectif ?? 0]).ThenBy(t => t.i).Select(t => t.d).ToList();
    }

    private static int RowOf(string? cell) => CellReference.TryParse(cell, out _, out var row) ? row : int.MaxValue;
}
