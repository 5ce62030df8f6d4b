using System.Security.Cryptography;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Notifications;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// The yearly campaign of a département with the State, for the API and the portal alike: the département transmits
/// (a package frozen now: the files of every <see cref="IPackagePart"/> and their manifest, written once), the State
/// reviews (en instruction, à compléter with remarks, validé), the département transmits again (a new round), and
/// every step is in the journal with its author. Roles are checked here: only a département transmits, only the
/// national role reviews; the département's scope is the surface's to check.
/// </summary>
public sealed class CampaignService(
    CampaignStore campaigns,
    PackageStore packages,
    IngestionStore ingestions,
    IEnumerable<IPackagePart> parts,
    ActivityJournal journal,
    Notifier notifier,
    NotificationStore outbox,
    TimeProvider clock)
{
    /// <summary>Notifications shown with a campaign.</summary>
    public const int ShownNotifications = 20;

    /// <summary>Freezes the package of the year and records it as a new round (the département's role only).</summary>
    public async Task<Outcome<TransmissionReceipt>> TransmitAsync(Actor actor, Departement departement, int year, CancellationToken cancellationToken = default)
    {
        if (actor.Role != ActorRole.Departement)
        {
            return new(Refusal.Forbidden, CampaignMessages.OnlyDepartementTransmits);
        }

        var before = await campaigns.FindAsync(departement, year, cancellationToken);
        if (before.State is not (CampaignState.Preparation or CampaignState.ToComplete))
        {
            return new(Refusal.Conflict, CampaignMessages.CannotTransmit(before.State));
        }

        // The data version first: the files rendered next are of this version or a later one, never an earlier.
        var head = await ingestions.HeadAsync(departement.Code, cancellationToken);
        var contents = new PackageContents(departement, year);
        foreach (var part in parts)
        {
            await part.AddToAsync(contents, cancellationToken);
        }

        var files = contents.Files;
        if (files.Count == 0)
        {
            return new(Refusal.NotFound, CampaignMessages.NothingToTransmit(departement, year));
        }

        var now = clock.GetUtcNow();
        var round = before.Round + 1;
        var dataVersion = head.ETag.ToString();
        var package = CampaignPackage.Build(files, contents.Missing, departement, year, round, actor, now, dataVersion);
        var id = $"{year}-{departement.Code}-{round:D2}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        await packages.WriteOnceAsync(departement.Code, year, id, package.Zip, cancellationToken);
        var record = new CampaignRound(round, id, now, actor, dataVersion, package.Manifest, contents.Missing, null, null, null);
        if (!await campaigns.TryRecordAsync(before, before with { State = CampaignState.Transmitted, Round = round, UpdatedAt = now }, record, null, [], cancellationToken))
        {
            // The package written stays, unreferenced: packages are never deleted.
            return new(Refusal.Conflict, CampaignMessages.Changed);
        }

        await journal.RecordAsync(actor, departement, JournalActions.Transmission, $"Transmission du tour {round} à l'État (paquet {id}, {files.Count} fichier{(files.Count > 1 ? "s" : string.Empty)}){Missing(contents.Missing)}.", year, id, cancellationToken);
        await notifier.NotifyNationalAsync(
            departement,
            NotificationKinds.PackageTransmitted,
            $"CDPPE {departement.Code} {year} : rapport transmis (tour {round})",
            $"Le département {departement.Code} a transmis son rapport {year} (tour {round}, paquet {id}) le {CampaignMessages.At(now)}, par {actor}."
                + string.Concat(contents.Missing.Select(m => $"\n{m.Fichier} : {m.Raison}")),
            cancellationToken);
        return new(new TransmissionReceipt(id, round, departement.Code, year, now, ActorView.From(actor), dataVersion, package.Manifest, contents.Missing));
    }

    /// <summary>
    /// The State's review of the current round (the national role only): en instruction (from transmis), à compléter
    /// or validé (from transmis or en instruction), with remarks on named parts.
    /// </summary>
    public async Task<Outcome<CampaignView>> ReviewAsync(Actor actor, Departement departement, int year, string? state, IReadOnlyList<RemarkInput>? remarks, CancellationToken cancellationToken = default)
    {
        if (actor.Role != ActorRole.National)
        {
            return new(Refusal.Forbidden, CampaignMessages.OnlyNationalReviews);
        }

        if (CampaignStates.Parse(state) is not { } target || target is CampaignState.Preparation or CampaignState.Transmitted)
        {
            return new(Refusal.Invalid, CampaignMessages.UnknownState(state));
        }

        remarks ??= [];
        if (remarks.Count > RemarkParts.MaxRemarks)
        {
            return new(Refusal.Invalid, CampaignMessages.TooManyRemarks);
        }

        for (var i = 0; i < remarks.Count; i++)
        {
            if (!RemarkParts.IsValid(remarks[i].Partie))
            {
                return new(Refusal.Invalid, CampaignMessages.InvalidPart(remarks[i].Partie));
            }

            if (string.IsNullOrWhiteSpace(remarks[i].Texte) || remarks[i].Texte!.Length > RemarkParts.MaxTextLength)
            {
                return new(Refusal.Invalid, CampaignMessages.InvalidText(i + 1));
            }
        }

        var before = await campaigns.FindAsync(departement, year, cancellationToken);
        var allowed = target == CampaignState.UnderReview
            ? before.State == CampaignState.Transmitted
            : before.State is CampaignState.Transmitted or CampaignState.UnderReview;
        if (!allowed)
        {
            return new(Refusal.Conflict, CampaignMessages.CannotReview(before.State, target));
        }

        var now = clock.GetUtcNow();
        var rounds = await campaigns.RoundsAsync(departement, year, cancellationToken);
        var current = rounds.Single(r => r.Number == before.Round);
        var already = (await campaigns.RemarksAsync(departement, year, cancellationToken)).Count(r => r.Round == before.Round);
        var added = remarks.Select((r, i) => new CampaignRemark(before.Round, already + i + 1, r.Partie!, r.Texte!.Trim(), actor, now)).ToList();
        if (!await campaigns.TryRecordAsync(before, before with { State = target, UpdatedAt = now }, null, current with { Review = target, ReviewedAt = now, ReviewedBy = actor }, added, cancellationToken))
        {
            return new(Refusal.Conflict, CampaignMessages.Changed);
        }

        await journal.RecordAsync(actor, departement, JournalActions.Review, $"Revue du tour {before.Round} : {CampaignStates.Label(target)}.", year, current.PackageId, cancellationToken);
        foreach (var remark in added)
        {
            await journal.RecordAsync(actor, departement, JournalActions.Remark, $"Remarque sur {RemarkParts.Label(remark.Partie)} : {remark.Texte}", year, remark.Partie, cancellationToken);
        }

        await notifier.NotifyDepartementAsync(
            departement,
            NotificationKinds.Review,
            $"CDPPE {departement.Code} {year} : campagne {CampaignStates.Label(target)}",
            $"Les services de l'État ({actor}) ont passé la campagne {year} du département {departement.Code} à l'état « {CampaignStates.Label(target)} » le {CampaignMessages.At(now)}"
                + (added.Count == 0 ? "." : " avec ces remarques :\n" + string.Join('\n', added.Select(r => $"- {RemarkParts.Label(r.Partie)} : {r.Texte}"))),
            cancellationToken);
        return new(await ViewAsync(departement, year, cancellationToken));
    }

    /// <summary>The campaign with its rounds, remarks, journal and notifications.</summary>
    public async Task<CampaignView> ViewAsync(Departement departement, int year, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.FindAsync(departement, year, cancellationToken);
        var rounds = await campaigns.RoundsAsync(departement, year, cancellationToken);
        var remarks = (await campaigns.RemarksAsync(departement, year, cancellationToken)).Select(ToView).ToList();
        var entries = await journal.ListAsync(departement, year, cancellationToken);
        return new CampaignView(
            campaign.Departement,
            year,
            CampaignStates.Code(campaign.State),
            CampaignStates.Label(campaign.State),
            campaign.Round,
            campaign.UpdatedAt,
            rounds.Select(r => new CampaignRoundView(r.Number, r.PackageId, r.TransmittedAt, ActorView.From(r.TransmittedBy), r.DataVersion, r.Manifest, r.Missing, r.Review is { } s ? CampaignStates.Code(s) : null, r.Review is { } l ? CampaignStates.Label(l) : null, r.ReviewedAt, r.ReviewedBy is { } by ? ActorView.From(by) : null)).ToList(),
            remarks,
            Open(campaign, remarks),
            entries.Select(e => new JournalEntryView(e.At, ActorView.From(e.Actor), e.Action, e.Description, e.Year, e.Subject)).ToList(),
            await outbox.ListAsync(departement.Code, ShownNotifications, cancellationToken));
    }

    /// <summary>Every département's campaign of the year (the national role, or the operator).</summary>
    public async Task<Outcome<IReadOnlyList<CampaignSummary>>> ListAsync(Actor actor, int year, CancellationToken cancellationToken = default)
    {
        if (actor.Role == ActorRole.Departement)
        {
            return new(Refusal.Forbidden, CampaignMessages.NationalOnly);
        }

        var list = new List<CampaignSummary>();
        foreach (var campaign in (await campaigns.ListAsync(year, cancellationToken)).OrderBy(c => c.Departement, StringComparer.Ordinal))
        {
            if (!Departement.TryParse(campaign.Departement, out var departement))
            {
                continue;
            }

            var rounds = await campaigns.RoundsAsync(departement!.Value, year, cancellationToken);
            var remarks = (await campaigns.RemarksAsync(departement.Value, year, cancellationToken)).Select(ToView).ToList();
            list.Add(new CampaignSummary(campaign.Departement, year, CampaignStates.Code(campaign.State), CampaignStates.Label(campaign.State), campaign.Round, campaign.UpdatedAt, rounds.Count == 0 ? null : rounds[^1].PackageId, Open(campaign, remarks).Count));
        }

        return new(list);
    }

    /// <summary>A transmitted package, the bytes written at its transmission.</summary>
    public async Task<Outcome<FileDownload>> PackageAsync(Departement departement, int year, string? id, CancellationToken cancellationToken = default) =>
        IsPackageId(id) && await packages.ReadAsync(departement.Code, year, id!, cancellationToken) is { } zip
            ? new(new FileDownload(zip, "application/zip", $"cdppe-{id}.zip"))
            : new(Refusal.NotFound, CampaignMessages.PackageNotFound);

    /// <summary>Package ids are <c>{year}-{code}-{round}-{8 hex}</c>: anything else is not looked up.</summary>
    public static bool IsPackageId(string? id) => id is { Length: <= 40 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The remarks of the current round while the campaign awaits its answer (the next transmission).</summary>
    private static IReadOnlyList<CampaignRemarkView> Open(Campaign campaign, IReadOnlyList<CampaignRemarkView> remarks) =>
        campaign.State is CampaignState.ToComplete or CampaignState.UnderReview ? remarks.Where(r => r.Tour == campaign.Round).ToList() : [];

    /// <summary>« , sans rapport-execution-77-2022.pdf » for the journal's line of a package with files missing.</summary>
    private static string Missing(IReadOnlyList<MissingPackageFile> missing) =>
        missing.Count == 0 ? string.Empty : ", sans " + string.Join(", ", missing.Select(m => m.Fichier));

    private static CampaignRemarkView ToView(CampaignRemark r) =>
        new(r.Round, r.Partie, RemarkParts.Label(r.Partie), RemarkParts.Page(r.Partie), r.Texte, ActorView.From(r.Author), r.At);
}
