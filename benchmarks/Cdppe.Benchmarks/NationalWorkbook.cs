using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Benchmarks;

/// <summary>
/// The State's national workbook (<c>GET /api/exports/national/{year}</c>) with every loaded département's data,
/// next to its floor: every département's snapshots of the year read raw (8 partitions at once) and the exported
/// workbook's parts written into a package.
/// </summary>
public static class NationalWorkbook
{
    public const string FloorPrefix = "Floor: every département's snapshots of the year read raw, 8 at once, and the workbook's parts written into a package";

    public static IReadOnlyList<MeasurementResult> Rows(HttpClient nationalApi, TableServiceClient tables, IReadOnlyList<string> departements, int year, int iterations, string loaded)
    {
        var exported = Array.Empty<byte>();
        var export = Measurement.Run(
            $"National workbook (GET /api/exports/national/{year}; {loaded})",
            iterations,
            () =>
            {
                exported = Get(nationalApi, $"/api/exports/national/{year}").GetAwaiter().GetResult();
                return string.Create(CultureInfo.InvariantCulture, $"{exported.Length / 1024.0:N0} KB");
            });
        var parts = PackageFloor.Parts(exported); // inflated once, before the floor's runs
        var snapshots = tables.GetTableClient(TableNames.Snapshots);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{year}-");
        var floor = Measurement.Run(
            $"{FloorPrefix} ({loaded})",
            iterations,
            () =>
            {
                var rows = 0L;
                Parallel.ForEachAsync(departements, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, token) =>
                {
                    var filter = TableClient.CreateQueryFilter($"PartitionKey eq {d} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
                    await foreach (var _ in snapshots.QueryAsync<TableEntity>(filter, cancellationToken: token))
                    {
                        Interlocked.Increment(ref rows);
                    }
                }).GetAwaiter().GetResult();
                var length = PackageFloor.Package(parts);
                return string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows read, {parts.Sum(p => p.Bytes.Length) / 1024.0:N0} KB of XML packaged into {length / 1024.0:N0} KB");
            });
        return [export, floor];
    }

    private static async Task<byte[]> Get(HttpClient api, string route)
    {
        using var response = await api.GetAsync(new Uri(route, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{route} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadAsByteArrayAsync();
    }
}
