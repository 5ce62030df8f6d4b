using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>Which column of the plan d'action holds which year of which group (targets or a funder).</summary>
internal sealed class PlanActionLayout
{
    /// <summary>The funders, in the order of their columns' checks.</summary>
    public static readonly PlanActionGroup[] MoneyGroups = [PlanActionGroup.Masse, PlanActionGroup.Dgas, PlanActionGroup.Cd, PlanActionGroup.Fir, PlanActionGroup.Etat, PlanActionGroup.Ondam];

    public static string Label(PlanActionGroup group) => group switch
    {
        PlanActionGroup.Masse => "masse salariale",
        PlanActionGroup.Dgas => "budget DGAS",
        PlanActionGroup.Cd => "total CD",
        PlanActionGroup.Fir => "FIR",
        PlanActionGroup.Etat => "État",
        PlanActionGroup.Ondam => "ONDAM",
        _ => "cible",
    };

    /// <summary>"masse salariale 2020", "total FIR": a money column as a message names it.</summary>
    public string ColumnLabel(int column) => Money[column] is (var group, { } year) ? $"{Label(group)} {year}" : $"total {Label(Money[column].Group)}";

    public Dictionary<int, (PlanActionGroup Group, int? Year)> Money { get; } = [];

    public Dictionary<int, int> Targets { get; } = [];

    public List<int> TargetYears => Targets.Values.Distinct().Order().ToList();

    public List<int> FundingYears => Money.Values.Where(v => v.Year is not null).Select(v => v.Year!.Value).Distinct().Order().ToList();

    public int? TotalColumn(PlanActionGroup group) => Money.Where(m => m.Value.Group == group && m.Value.Year is null).Select(m => (int?)m.Key).FirstOrDefault();

    public int? YearColumn(PlanActionGroup group, int year) => Money.Where(m => m.Value.Group == group && m.Value.Year == year).Select(m => (int?)m.Key).FirstOrDefault();

    public static PlanActionLayout Of(HeaderMap header)
    {
        var layout = new PlanActionLayout();
        var assigned = header.Columns.Values.ToHashSet();
        var moneyColumns = header.FullTexts.Keys.Where(c => !assigned.Contains(c) && GroupOf(header.FullTextOf(c)) is { } g && g != PlanActionGroup.Target);
        var firstMoney = moneyColumns.Concat(header.Has("total") ? [header["total"]] : []).DefaultIfEmpty(int.MaxValue).Min();
        var pending = new List<(int Column, int Year)>();
        foreach (var column in header.FullTexts.Keys.Where(c => !assigned.Contains(c)).Order())
        {
            var bottom = header.BottomTexts.GetValueOrDefault(column, string.Empty);
            int? year = Years.In(bottom) is [var y] && !bottom.StartsWith("montant", StringComparison.Ordinal) ? y : null;
            var group = GroupOf(header.FullTextOf(column));
            if (group is null)
            {
                if (year is { } alone && bottom == alone.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    // A bare year with no group above it: it belongs to the total column that follows (seed layout), or to the targets.
                    pending.Add((column, alone));
                }

                continue;
            }

            if (group == PlanActionGroup.Target)
            {
                if (year is { } ty)
                {
                    layout.Targets[column] = ty;
                }

                continue;
            }

            layout.Money[column] = (group.Value, year);
            if (year is null)
            {
                foreach (var (pc, py) in pending.Where(p => p.Column > firstMoney))
                {
                    layout.Money[pc] = (group.Value, py);
                }

                pending.RemoveAll(p => p.Column > firstMoney);
            }
        }

        foreach (var (pc, py) in pending.Where(p => p.Column < firstMoney))
        {
            layout.Targets[pc] = py;
        }

        return layout;
    }

    private static PlanActionGroup? GroupOf(string text)
    {
        if (text.Contains("cible", StringComparison.Ordinal))
        {
            return PlanActionGroup.Target;
        }

        if (text.Contains("masse salariale", StringComparison.Ordinal))
        {
            return PlanActionGroup.Masse;
        }

        if (PlanActionParser.Word(text, "dgas"))
        {
            return PlanActionGroup.Dgas;
        }

        if (PlanActionParser.Word(text, "cd") || text.Contains("departement", StringComparison.Ordinal))
        {
            return PlanActionGroup.Cd;
        }

        if (PlanActionParser.Word(text, "fir"))
        {
            return PlanActionGroup.Fir;
        }

        if (PlanActionParser.Word(text, "ondam"))
        {
            return PlanActionGroup.Ondam;
        }

        return PlanActionParser.Word(text, "etat") || text.Contains("plf", StringComparison.Ordinal) || text.Contains("bop", StringComparison.Ordinal) ? PlanActionGroup.Etat : null;
    }
}
