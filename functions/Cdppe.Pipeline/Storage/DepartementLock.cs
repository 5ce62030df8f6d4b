using Microsoft.Extensions.Options;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// The locks of a département (blob leases in <c>locks/</c>, see <see cref="BlobLease"/>): the data lock
/// (<c>data-{dep}</c>) orders the commits of ingestions, so that each one reads the dataset pointers the previous one
/// wrote; the consolidation lock (<c>consolidation-{dep}</c>) lets one consolidation run at a time. Readers take
/// neither: they read one version of the pointers (<see cref="DatasetHead"/>).
/// </summary>
public sealed class DepartementLock(CdppeStorage storage, TimeProvider clock, IOptions<LeaseOptions> options)
{
    public Task<BlobLease> AcquireDataAsync(string partition, CancellationToken cancellationToken = default) =>
        BlobLease.AcquireAsync(
            storage.Locks.GetBlobClient($"data-{partition}"),
            options.Value.Data,
            clock,
            $"Les données du département {partition} sont en cours de mise à jour ; réessayez dans une minute.",
            cancellationToken);

    public Task<BlobLease> AcquireConsolidationAsync(string partition, CancellationToken cancellationToken = default) =>
        BlobLease.AcquireAsync(
            storage.Locks.GetBlobClient($"consolidation-{partition}"),
            options.Value.Consolidation,
            clock,
            $"Une consolidation du département {partition} est déjà en cours ; réessayez dans quelques minutes.",
            cancellationToken);
}
