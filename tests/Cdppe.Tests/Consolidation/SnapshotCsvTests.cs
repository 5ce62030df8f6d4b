using System.Text;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;

namespace Cdppe.Tests.Consolidation;

public sealed class SnapshotCsvTests
{
    [Fact]
    public void RatesAreWrittenAsThePercentagesUsersReadAndCountsAsThemselves()
    {
        StoredSnapshot[] rows =
        [
            new("TX", "Taux d'IP évaluées", new YearMonth(2022, 6), 0.039739m, true, null, 0.5m, null, SnapshotStatus.Late, true, null, 1),
            new("NB", "Enfants accueillis", new YearMonth(2022, 6), 1234.5m, false, null, 1000m, null, SnapshotStatus.Reached, true, null, 2),
        ];

        var text = Encoding.UTF8.GetString(SnapshotCsv.Write(rows)[3..]);

        Assert.Contains("TX;Taux d'IP évaluées;2022-06;3,9739;%;50;en retard;oui;;1;", text, StringComparison.Ordinal);
        Assert.Contains("NB;Enfants accueillis;2022-06;1234,5;nombre;1000;atteint;oui;;2;", text, StringComparison.Ordinal);
    }
}
