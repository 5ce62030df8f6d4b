using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// Table Campaigns, one partition per département: the campaign of each year (row <c>{year}</c>), its rounds
/// (<c>{year}|tour|{NNN}</c>) and the State's remarks (<c>{year}|remarque|{round}|{NNN}</c>). A change is one
/// transaction of the partition that holds only if the campaign is still as it was read (its ETag): two transmissions
/// at once, or a review crossing a transmission, leave one of them refused, never a mix. Rounds and remarks are
/// added, never rewritten (a round gets its review once).
/// </summary>
public sealed class CampaignStore(CdppeStorage storage)
{
    private TableClient Table => storage.Table(TableNames.Campaigns);

    private static string YearKey(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string RoundKey(int year, int round) => $"{YearKey(year)}|tour|{round:D3}";

    private static string RemarkKey(int year, int round, int number) => $"{YearKey(year)}|remarque|{round:D3}|{number:D3}";

    /// <summary>The campaign of the year (a new one, en préparation, when nothing was recorded).</summary>
    public async Task<Campaign> FindAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        await Table.FindAsync<CampaignEntity>(departement.Code, YearKey(year), cancellationToken) is { } row ? ToCampaign(row) : Campaign.New(departement, year);

    /// <summary>Every recorded campaign of the year, one per département that has one.</summary>
    public async Task<IReadOnlyList<Campaign>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        var key = YearKey(year);
        var rows = new List<Campaign>();
        await foreach (var row in Table.QueryAsync<CampaignEntity>(TableClient.CreateQueryFilter($"RowKey eq {key}"), cancellationToken: cancellationToken))
        {
            rows.Add(ToCampaign(row));
        }

        return rows;
    }

    /// <summary>The rounds of the campaign, first first.</summary>
    public async Task<IReadOnlyList<CampaignRound>> RoundsAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        (await Table.PrefixAsync<CampaignRoundEntity>(departement.Code, $"{YearKey(year)}|tour|", cancellationToken)).Select(ToRound).ToList();

    /// <summary>The remarks of every round, in order.</summary>
    public async Task<IReadOnlyList<CampaignRemark>> RemarksAsync(Departement departement, int year, CancellationToken cancellationToken = default) =>
        (await Table.PrefixAsync<CampaignRemarkEntity>(departement.Code, $"{YearKey(year)}|remarque|", cancellationToken))
            .Select(r => new CampaignRemark(r.Round, r.Number, r.Partie, r.Texte, StoredActor.Of(r.AuthorName, r.AuthorId, r.AuthorRole), r.At)).ToList();

    /// <summary>
    /// Records a change of the campaign from <paramref name="before"/> to <paramref name="after"/>, with a new round
    /// (a transmission) or the review of the current round and its remarks, in one transaction; false (nothing
    /// written) when the campaign is no longer <paramref name="before"/>.
    /// </summary>
    public async Task<bool> TryRecordAsync(Campaign before, Campaign after, CampaignRound? newRound, CampaignRound? reviewed, IReadOnlyList<CampaignRemark> remarks, CancellationToken cancellationToken = default)
    {
        var partition = before.Departement;
        var current = await Table.FindAsync<CampaignEntity>(partition, YearKey(before.Year), cancellationToken);
        var now = current is null ? Campaign.New(Departement.TryParse(partition, out var d) ? d.Value : default, before.Year) : ToCampaign(current);
        if (now.State != before.State || now.Round != before.Round)
        {
            return false;
        }

        var row = new CampaignEntity { PartitionKey = partition, RowKey = YearKey(after.Year), Year = after.Year, State = CampaignStates.Code(after.State), Round = after.Round, UpdatedAt = after.UpdatedAt };
        var actions = new List<TableTransactionAction>
        {
            current is null ? new(TableTransactionActionType.Add, row) : new(TableTransactionActionType.UpdateReplace, row, current.ETag),
        };
        if (newRound is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, ToEntity(partition, before.Year, newRound)));
        }

        if (reviewed is not null)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, ToEntity(partition, before.Year, reviewed), ETag.All));
        }

        actions.AddRange(remarks.Select(r => new TableTransactionAction(TableTransactionActionType.Add, new CampaignRemarkEntity
        {
            PartitionKey = partition,
            RowKey = RemarkKey(before.Year, r.Round, r.Number),
            Round = r.Round,
            Number = r.Number,
            Partie = r.Partie,
            Texte = r.Texte,
            AuthorName = r.Author.Name,
            AuthorId = r.Author.Id,
            AuthorRole = StoredActor.Role(r.Author),
            At = r.At,
        })));
        try
        {
            await TableBatches.SubmitAtomicAsync(Table, actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private static Campaign ToCampaign(CampaignEntity row) =>
        new(row.PartitionKey, row.Year, CampaignStates.Parse(row.State) ?? CampaignState.Preparation, row.Round, row.UpdatedAt);

    private static CampaignRoundEntity ToEntity(string partition, int year, CampaignRound round) => new()
    {
        PartitionKey = partition,
        RowKey = RoundKey(year, round.Number),
        Round = round.Number,
        PackageId = round.PackageId,
        TransmittedAt = round.TransmittedAt,
        TransmittedByName = round.TransmittedBy.Name,
        TransmittedById = round.TransmittedBy.Id,
        TransmittedByRole = StoredActor.Role(round.TransmittedBy),
        DataVersion = round.DataVersion,
        Manifest = JsonSerializer.Serialize(round.Manifest, JsonSerializerOptions.Web),
        Missing = round.Missing.Count == 0 ? null : JsonSerializer.Serialize(round.Missing, JsonSerializerOptions.Web),
        Review = round.Review is { } review ? CampaignStates.Code(review) : null,
        ReviewedAt = round.ReviewedAt,
        ReviewedByName = round.ReviewedBy?.Name,
        ReviewedById = round.ReviewedBy?.Id,
        ReviewedByRole = round.ReviewedBy is { } by ? StoredActor.Role(by) : null,
    };

    private static CampaignRound ToRound(CampaignRoundEntity r) => new(
        r.Round,
        r.PackageId,
        r.TransmittedAt,
        StoredActor.Of(r.TransmittedByName, r.TransmittedById, r.TransmittedByRole),
        r.DataVersion,
        JsonSerializer.Deserialize<List<ManifestEntry>>(r.Manifest, JsonSerializerOptions.Web) ?? [],
        r.Missing is null ? [] : JsonSerializer.Deserialize<List<MissingPackageFile>>(r.Missing, JsonSerializerOptions.Web) ?? [],
        CampaignStates.Parse(r.Review),
        r.ReviewedAt,
        r.ReviewedByName is null ? null : StoredActor.Of(r.ReviewedByName, r.ReviewedById, r.ReviewedByRole));
}
