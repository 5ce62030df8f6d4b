using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Portal;

/// <summary>
/// Wrong keys on the sign-in page, counted per client address (the connection's, never a header a client could
/// change): after <see cref="PortalOptions.MaxFailedSignIns"/> failures within <see cref="PortalOptions.SignInLockMinutes"/>,
/// every sign-in from that address is refused for that long, the right key too (else the lock would still tell a
/// good guess from a bad one). Kept in memory: each instance counts on its own, and a restart forgets.
/// </summary>
public sealed class SignInThrottle(IOptions<PortalOptions> options, TimeProvider clock)
{
    /// <summary>Addresses remembered at most; past it, the windows that are over are forgotten first.</summary>
    private const int MaxClients = 10_000;

    private readonly ConcurrentDictionary<string, Failures> clients = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.SignInLockMinutes);

    /// <summary>How long <paramref name="client"/> must still wait, or null when it may try.</summary>
    public TimeSpan? LockedFor(string client)
    {
        if (!clients.TryGetValue(client, out var failures) || failures.Count < options.Value.MaxFailedSignIns)
        {
            return null;
        }

        var left = failures.Since + Window - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts a failure; the one that reaches the limit starts the lock.</summary>
    public void Failed(string client)
    {
        var now = clock.GetUtcNow();
        if (clients.Count >= MaxClients)
        {
            foreach (var (address, old) in clients.Where(c => now - c.Value.Since >= Window).ToList())
            {
                clients.TryRemove(new KeyValuePair<string, Failures>(address, old));
            }
        }

        clients.AddOrUpdate(
            client,
            _ => new Failures(1, now),
            (_, previous) => now - previous.Since >= Window ? new Failures(1, now)
                : previous.Count + 1 >= options.Value.MaxFailedSignIns ? new Failures(previous.Count + 1, now)
                : previous with { Count = previous.Count + 1 });
    }

    /// <summary>A successful sign-in clears the client's count.</summary>
    public void Succeeded(string client) => clients.TryRemove(client, out _);

    /// <summary>Failures since <see cref="Since"/> (the first of the window, or the one that started the lock).</summary>
    private sealed record Failures(int Count, DateTimeOffset Since);
}
