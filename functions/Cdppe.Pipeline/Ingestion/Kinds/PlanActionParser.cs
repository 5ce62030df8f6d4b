using System.Text.RegularExpressions;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion.Kinds;

/// <summary>
/// The plan d'action et de financement (seed 000, first table): one block per fiche action, one row per indicator
/// (continuation rows carry no fiche number, or a number merged over the block), targets per year, planned money
/// per year and funder (masse salariale + budget DGAS = total CD; co-financing FIR / État / ONDAM with its source),
/// and a grand total row that is checked, not imported. Year columns are recognised by their header: a group label
/// above them ("Masse salariale" over "2020 2021 2022 Total"), or, as in the seed, the total column that follows them
/// ("2020 2021 2022 Total masse salariale (2020, 2021, 2022)").
/// </summary>
public sealed partial class PlanActionParser : ISheetParser
{
    public const string KindName = WorkbookKinds.PlanAction;

    private static readonly ColumnSpec[] Specs =
    [
        new("fiche", t => t.Contains("fiche", StringComparison.Ordinal) && NumberWord().IsMatch(t), Required: true),
        new("intitule", t => t.Contains("intitule", StringComparison.Ordinal) && t.Contains("fiche", StringComparison.Ordinal)),
        new("theme", t => t.StartsWith("theme", StringComparison.Ordinal)),
        new("nature", t => t.Contains("fondamental", StringComparison.Ordinal) || t.Contains("facultatif", StringComparison.Ordinal)),
        new("objectif", t => t.Contains("objectif", StringComparison.Ordinal) && !t.Contains("cible", StringComparison.Ordinal)),
        new("indicateurEtat", t => t.StartsWith("indicateur", StringComparison.Ordinal) && Word(t, "etat")),
        new("additionnel", t => t.Contains("additionnel", StringComparison.Ordinal)),
        new("indicateur", t => t.StartsWith("indicateur", StringComparison.Ordinal), Required: true),
        new("total", t => t.Contains("moyen", StringComparison.Ordinal) && t.Contains("financ", StringComparison.Ordinal)),
        new("source", t => t.Contains("source", StringComparison.Ordinal) && t.Contains("financ", StringComparison.Ordinal)),
        new("referent", t => t.StartsWith("referent", StringComparison.Ordinal)),
    ];

    private enum Group
    {
        Target,
        Masse,
        Dgas,
        Cd,
        Fir,
        Etat,
        Ondam,
    }

    private static readonly Group[] MoneyGroups = [Group.Masse, Group.Dgas, Group.Cd, Group.Fir, Group.Etat, Group.Ondam];

    public string Kind => KindName;

    public HeaderMap? Detect(IReadOnlyList<XlsxRow> head) => HeaderLocator.Locate(head, Specs);

    public IReadOnlyList<int> Parse(SheetInput input, HeaderMap header, WorkbookContent content)
    {
        var sheet = input.Sheet.Name;
        var issues = content.Issues;
        var layout = Layout.Of(header);
        if (layout.TargetYears.Count == 0 && layout.FundingYears.Count == 0)
        {
            issues.Error(
                "annee-introuvable",
                "Impossible de trouver les années du plan d'action : les colonnes des cibles et des financements doivent porter leur année, par exemple « 2020 », « 2021 », « 2022 » sous « Cibles » ou « Masse salariale ».",
                sheet,
                header.CellOf("indicateur"),
                header.RawTextOf("indicateur"),
                "des en-têtes d'années « 2020 », « 2021 », « 2022 »");
            return [];
        }

        var firstMoneyColumn = layout.Money.Keys.Concat(header.Has("total") ? [header["total"]] : []).DefaultIfEmpty(int.MaxValue).Min();
        var state = new State(sheet, issues, content, header, layout);
        foreach (var row in input.Rows.Where(r => r.Index > header.LastHeaderRow && !r.IsBlank))
        {
            if (Cells.IsEngagementBanner(row, out _))
            {
                continue;
            }

            var ficheCell = row.Get(header["fiche"]);
            var hasOwnNumber = !ficheCell.IsEmpty && !ficheCell.FromMerge;
            var label = Cells.OwnText(row, header, "indicateur");
            var isTotal = Cells.IsTotalRow(row, firstMoneyColumn, out _)
                || (!hasOwnNumber && label is null && Cells.OwnText(row, header, "intitule") is null && layout.Money.Keys.Any(c => row.Get(c) is { IsEmpty: false, FromMerge: false }));
            if (isTotal)
            {
                state.CheckGrandTotal(row);
                continue;
            }

            if (hasOwnNumber)
            {
                if (Cells.FicheNumber(ficheCell) is not { } numero)
                {
                    issues.Error("fiche-invalide", "Le numéro de fiche action est illisible.", sheet, ficheCell.Reference, ficheCell.Display, "un entier de 1 à 999");
                    state.Current = null;
                    continue;
                }

                state.StartFiche(numero, row, ficheCell);
            }
            else if (state.Current is null)
            {
                if (label is not null)
                {
                    issues.Error("fiche-absente", "Cette ligne d'indicateur n'est rattachée à aucune fiche action : le numéro de fiche manque.", sheet, ficheCell.Reference, null, "le numéro de la fiche action");
                }

                continue;
            }
            else
            {
                state.CheckContinuationMoney(row);
            }

            state.ReadIndicators(row);
        }

        state.Finish();
        if (content.Fiches.Count == 0)
        {
            issues.Error("tableau-vide", "Le plan d'action ne contient aucune fiche action sous son en-tête.", sheet, CellReference.Format(header["fiche"], header.LastHeaderRow + 1));
        }

        return layout.TargetYears.Concat(layout.FundingYears).Distinct().Order().ToList();
    }

    private static bool Word(string text, string word) => Regex.IsMatch(text, $@"(^|[^a-z]){word}([^a-z]|$)", RegexOptions.CultureInvariant);

    private static string GroupLabel(Group group) => group switch
    {
        Group.Masse => "masse salariale",
        Group.Dgas => "budget DGAS",
        Group.Cd => "total CD",
        Group.Fir => "FIR",
        Group.Etat => "État",
        Group.Ondam => "ONDAM",
        _ => "cible",
    };

    [GeneratedRegex(@"(^|[^a-z])(n\s*°|numero|num\b|no\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWord();

    /// <summary>Which column holds which year of which group.</summary>
    private sealed class Layout
    {
        public Dictionary<int, (Group Group, int? Year)> Money { get; } = [];

        public Dictionary<int, int> Targets { get; } = [];

        public List<int> TargetYears => Targets.Values.Distinct().Order().ToList();

        public List<int> FundingYears => Money.Values.Where(v => v.Year is not null).Select(v => v.Year!.Value).Distinct().Order().ToList();

        public int? TotalColumn(Group group) => Money.Where(m => m.Value.Group == group && m.Value.Year is null).Select(m => (int?)m.Key).FirstOrDefault();

        public int? YearColumn(Group group, int year) => Money.Where(m => m.Value.Group == group && m.Value.Year == year).Select(m => (int?)m.Key).FirstOrDefault();

        public static Layout Of(HeaderMap header)
        {
            var layout = new Layout();
            var assigned = header.Columns.Values.ToHashSet();
            var moneyColumns = header.FullTexts.Keys.Where(c => !assigned.Contains(c) && GroupOf(header.FullTextOf(c)) is { } g && g != Group.Target);
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

                if (group == Group.Target)
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

        private static Group? GroupOf(string text)
        {
            if (text.Contains("cible", StringComparison.Ordinal))
            {
                return Group.Target;
            }

            if (text.Contains("masse salariale", StringComparison.Ordinal))
            {
                return Group.Masse;
            }

            if (Word(text, "dgas"))
            {
                return Group.Dgas;
            }

            if (Word(text, "cd") || text.Contains("departement", StringComparison.Ordinal))
            {
                return Group.Cd;
            }

            if (Word(text, "fir"))
            {
                return Group.Fir;
            }

            if (Word(text, "ondam"))
            {
                return Group.Ondam;
            }

            return Word(text, "etat") || text.Contains("plf", StringComparison.Ordinal) || text.Contains("bop", StringComparison.Ordinal) ? Group.Etat : null;
        }
    }

    /// <summary>The fiche being read and what has been read so far.</summary>
    private sealed class State(string sheet, IssueList issues, WorkbookContent content, HeaderMap header, Layout layout)
    {
        private readonly Dictionary<int, string> seenFiches = [];
        private readonly Dictionary<string, SourcedIndicator> indicators = new(StringComparer.Ordinal);
        private readonly Dictionary<int, decimal> columnSums = [];
        private readonly int errorsBefore = issues.ErrorCount;
        private bool totalsSkipped;

        public FicheInProgress? Current { get; set; }

        public void StartFiche(int numero, XlsxRow row, XlsxCell ficheCell)
        {
            Finish();
            if (seenFiches.TryGetValue(numero, out var first))
            {
                issues.Error("fiche-en-double", $"La fiche action n° {numero} apparaît deux fois dans le plan d'action (première fois en {first}).", sheet, ficheCell.Reference, ficheCell.Display, "un numéro de fiche unique");
                Current = null;
                return;
            }

            seenFiches[numero] = ficheCell.Reference;
            var intitule = Cells.Text(row, header, "intitule");
            if (intitule is null)
            {
                issues.Warning("intitule-absent", $"La fiche action n° {numero} n'a pas d'intitulé.", sheet, header.Has("intitule") ? CellReference.Format(header["intitule"], row.Index) : ficheCell.Reference, null, "l'intitulé de la fiche");
            }

            var objectifText = Cells.Text(row, header, "objectif");
            int? objectif = NationalObjectives.Match(objectifText);
            if (objectif is null && objectifText is not null && !NationalObjectives.IsWithoutObjective(objectifText))
            {
                issues.Warning("objectif-inconnu", "L'objectif n'a pas été reconnu dans la liste nationale (1 à 26) : la fiche est rattachée à « Sans objectif ».", sheet, CellReference.Format(header["objectif"], row.Index), objectifText, "« Objectif N : … » ou « Sans objectif »");
            }

            var natureText = TextNormalizer.Normalize(Cells.Text(row, header, "nature"));
            var nature = natureText.Contains("fondamental", StringComparison.Ordinal) ? "fondamental" : natureText.Contains("facultatif", StringComparison.Ordinal) ? "facultatif" : null;
            if (nature is not null && NationalObjectives.Get(objectif) is { } national && national.Nature != nature)
            {
                issues.Warning("nature-incoherente", $"La fiche action n° {numero} est dite « {nature} » alors que l'objectif {national.Numero} est {national.Nature}.", sheet, CellReference.Format(header["nature"], row.Index), Cells.Text(row, header, "nature"), national.Nature);
            }

            var money = new Dictionary<int, decimal?>();
            var ok = true;
            foreach (var (column, (group, year)) in layout.Money)
            {
                var cell = row.Get(column);
                var what = year is { } y ? $"{GroupLabel(group)} {y}" : $"total {GroupLabel(group)}";
                if (Amounts.TryRead(cell, $"{what} de la fiche {numero}", sheet, issues, out var amount, blank: null))
                {
                    money[column] = amount;
                }
                else
                {
                    ok = false;
                }
            }

            decimal? printedTotal = null;
            if (header.Has("total") && !Amounts.TryRead(row.Get(header["total"]), $"total prévu de la fiche {numero}", sheet, issues, out printedTotal, blank: null))
            {
                ok = false;
            }

            Current = new FicheInProgress(numero, row.Index, ficheCell.Reference, intitule ?? $"Fiche action {numero}", objectif, Cells.Text(row, header, "theme"), nature, Cells.Text(row, header, "referent"), Cells.Text(row, header, "source"), money, printedTotal, ok);
        }

        /// <summary>Amounts on a row without a fiche number cannot be attributed: an error, so that nothing is silently lost.</summary>
        public void CheckContinuationMoney(XlsxRow row)
        {
            var cells = layout.Money.Keys.Concat(header.Has("total") ? [header["total"]] : []).Order()
                .Select(row.Get)
                .Where(cell => !cell.IsEmpty && !cell.FromMerge && CellValueParser.Parse(cell) is { Status: ValueStatus.Value, Number: not 0m })
                .ToList();
            if (cells.Count > 0)
            {
                var what = cells.Count == 1 ? "Un montant est saisi" : $"{cells.Count} montants sont saisis";
                issues.Error("montant-sans-fiche", $"{what} sur une ligne sans numéro de fiche ({string.Join(", ", cells.Select(c => c.Reference))}) : ils ne peuvent pas être rattachés à une fiche.", sheet, cells[0].Reference, cells[0].Display, $"le numéro de fiche en {CellReference.Format(header["fiche"], row.Index)}, ou les montants sur la première ligne de la fiche");
            }
        }

        public void ReadIndicators(XlsxRow row)
        {
            if (Current is null)
            {
                return;
            }

            var objectif = Current.Objectif;
            var label = Cells.OwnText(row, header, "indicateur");
            var targets = new Dictionary<int, IndicatorFigure>();
            var parsed = new List<ParsedValue>();
            foreach (var (column, year) in layout.Targets)
            {
                var cell = row.Get(column);
                if (cell.FromMerge)
                {
                    continue;
                }

                var value = CellValueParser.Parse(cell);
                if (value.Status == ValueStatus.Error)
                {
                    issues.Error("formule-en-erreur", "La cible contient une erreur de formule.", sheet, cell.Reference, cell.Display, "un nombre, un pourcentage ou un jalon");
                    continue;
                }

                if (value.Status == ValueStatus.Value && value.Number < 0)
                {
                    issues.Error("valeur-negative", "Une cible ne peut pas être négative.", sheet, cell.Reference, cell.Display, "une valeur positive ou nulle");
                    continue;
                }

                parsed.Add(value);
                if (Cells.Figure(value) is { } figure)
                {
                    targets[year] = figure;
                }
            }

            if (label is null)
            {
                if (targets.Count > 0)
                {
                    var cell = CellReference.Format(header["indicateur"], row.Index);
                    issues.Warning("indicateur-sans-libelle", $"La fiche action n° {Current.Numero} a des cibles sans libellé d'indicateur : elles n'ont pas été importées.", sheet, cell, null, "le libellé de l'indicateur");
                }
            }
            else
            {
                var mark = TextNormalizer.Normalize(Cells.OwnText(row, header, "indicateurEtat"));
                Add(label, objectif, targets, parsed, mark is "x" or "oui", row.Index, "indicateur");
            }

            if (Cells.OwnText(row, header, "additionnel") is { } extra && !IndicatorCodes.IsPlaceholder(extra))
            {
                Add(extra, objectif, new Dictionary<int, IndicatorFigure>(), [], false, row.Index, "additionnel");
            }
        }

        public void Finish()
        {
            if (Current is not { } f)
            {
                return;
            }

            Current = null;
            if (!f.AmountsOk)
            {
                // The amount errors are reported; the fiche itself is still known.
                content.Fiches.Add(content.From(new FicheDefinition { Numero = f.Numero, Intitule = f.Intitule, Objectif = f.Objectif, Theme = f.Theme, Nature = f.Nature, Referent = f.Referent, SourceCell = f.Cell }, sheet));
                return;
            }

            var years = layout.FundingYears;
            foreach (var group in MoneyGroups)
            {
                if (layout.TotalColumn(group) is not { } totalColumn || f.Money.GetValueOrDefault(totalColumn) is not { } printed)
                {
                    continue;
                }

                var sum = years.Sum(y => layout.YearColumn(group, y) is { } c ? f.Money.GetValueOrDefault(c) ?? 0m : 0m);
                if (sum != printed)
                {
                    issues.Warning("annees-total", $"Fiche {f.Numero} : les montants {GroupLabel(group)} des années ne font pas leur total.", sheet, CellReference.Format(totalColumn, f.Row), FrenchFormat.Euros(printed), FrenchFormat.Euros(sum));
                }
            }

            var funding = new List<PlannedFunding>();
            foreach (var year in years)
            {
                decimal Amount(Group g) => layout.YearColumn(g, year) is { } c ? f.Money.GetValueOrDefault(c) ?? 0m : 0m;
                var cdColumn = layout.YearColumn(Group.Cd, year);
                var cdPrinted = cdColumn is { } cc ? f.Money.GetValueOrDefault(cc) : null;
                var parts = Amount(Group.Masse) + Amount(Group.Dgas);
                if (cdPrinted is { } cd && (layout.YearColumn(Group.Masse, year) is not null || layout.YearColumn(Group.Dgas, year) is not null) && cd != parts)
                {
                    issues.Warning("total-cd-incoherent", $"Fiche {f.Numero}, {year} : masse salariale + budget DGAS ne font pas le total CD.", sheet, CellReference.Format(cdColumn!.Value, f.Row), FrenchFormat.Euros(cd), FrenchFormat.Euros(parts));
                }

                funding.Add(content.From(
                    new PlannedFunding
                    {
                        Fiche = f.Numero,
                        Year = year,
                        MasseSalariale = Amount(Group.Masse),
                        BudgetDgas = Amount(Group.Dgas),
                        Departement = cdPrinted ?? parts,
                        Fir = Amount(Group.Fir),
                        Etat = Amount(Group.Etat),
                        Ondam = Amount(Group.Ondam),
                        CofinancementSource = f.Source,
                        SourceCell = f.Cell,
                    },
                    sheet));
            }

            decimal GroupTotal(Group g) => layout.TotalColumn(g) is { } c && f.Money.GetValueOrDefault(c) is { } t ? t : funding.Sum(p => g switch
            {
                Group.Cd => p.Departement,
                Group.Fir => p.Fir,
                Group.Etat => p.Etat,
                _ => p.Ondam,
            });

            var computed = GroupTotal(Group.Cd) + GroupTotal(Group.Fir) + GroupTotal(Group.Etat) + GroupTotal(Group.Ondam);
            var totalCell = header.Has("total") ? CellReference.Format(header["total"], f.Row) : f.Cell;
            if (f.PrintedTotal is { } total && layout.Money.Count > 0 && total != computed)
            {
                issues.Warning("financeurs-total", $"Fiche {f.Numero} : total CD + FIR + État + ONDAM ({FrenchFormat.Euros(computed)}) ne fait pas les moyens financiers prévus.", sheet, totalCell, FrenchFormat.Euros(total), FrenchFormat.Euros(computed));
            }
            else if (f.PrintedTotal is null && computed != 0 && header.Has("total"))
            {
                issues.Warning("total-absent", $"Fiche {f.Numero} : les moyens financiers prévus ne sont pas renseignés alors que ses financements font {FrenchFormat.Euros(computed)}.", sheet, totalCell, null, FrenchFormat.Euros(computed));
            }

            CheckSource(f, funding);
            foreach (var column in layout.Money.Keys.Concat(header.Has("total") ? [header["total"]] : []))
            {
                var value = column == (header.Has("total") ? header["total"] : -1) ? f.PrintedTotal : f.Money.GetValueOrDefault(column);
                columnSums[column] = columnSums.GetValueOrDefault(column) + (value ?? 0m);
            }

            content.PlannedFunding.AddRange(funding);
            content.Fiches.Add(content.From(
                new FicheDefinition
                {
                    Numero = f.Numero,
                    Intitule = f.Intitule,
                    Objectif = f.Objectif,
                    Theme = f.Theme,
                    Nature = f.Nature,
                    Referent = f.Referent,
                    PlannedTotal = f.PrintedTotal ?? (computed == 0 ? null : computed),
                    SourceCell = f.Cell,
                },
                sheet));
        }

        public void CheckGrandTotal(XlsxRow row)
        {
            Finish();
            if (issues.SkipTotalsAfterErrors(errorsBefore, sheet, ref totalsSkipped))
            {
                return;
            }

            var printedAny = false;
            foreach (var (column, sum) in columnSums.OrderBy(c => c.Key))
            {
                var cell = row.Get(column);
                var printed = CellValueParser.Parse(cell);
                if (printed.Status != ValueStatus.Value)
                {
                    continue;
                }

                printedAny = true;
                if (printed.Number != sum)
                {
                    var what = column == (header.Has("total") ? header["total"] : -1) ? "moyens financiers prévus" : layout.Money[column] is var (g, y) && y is { } year ? $"{GroupLabel(g)} {year}" : $"total {GroupLabel(layout.Money[column].Group)}";
                    issues.Warning("total-incoherent", $"Colonne {what} : le total imprimé ne correspond pas à la somme des fiches (écart de {FrenchFormat.Euros(printed.Number!.Value - sum)}).", sheet, cell.Reference, FrenchFormat.Euros(printed.Number!.Value), FrenchFormat.Euros(sum));
                }
            }

            if (!printedAny)
            {
                issues.Warning("total-illisible", "La ligne de total ne contient aucun montant lisible : le total n'a pas pu être contrôlé.", sheet, CellReference.Format(1, row.Index));
            }
        }

        private void CheckSource(FicheInProgress f, List<PlannedFunding> funding)
        {
            var source = TextNormalizer.Normalize(f.Source);
            if (source.Length == 0)
            {
                return;
            }

            (string Name, decimal Amount)[] funders =
            [
                ("fir", funding.Sum(p => p.Fir)),
                ("etat", funding.Sum(p => p.Etat)),
                ("ondam", funding.Sum(p => p.Ondam)),
            ];
            foreach (var (name, amount) in funders)
            {
                if (amount != 0 && !Word(source, name) && !(name == "etat" && (source.Contains("plf", StringComparison.Ordinal) || source.Contains("304", StringComparison.Ordinal))))
                {
                    issues.Warning("cofinancement-source", $"Fiche {f.Numero} : un co-financement {name.ToUpperInvariant()} de {FrenchFormat.Euros(amount)} est saisi mais la source de co-financement indique « {f.Source} ».", sheet, header.Has("source") ? CellReference.Format(header["source"], f.Row) : f.Cell, f.Source, $"une source qui cite {name.ToUpperInvariant()}");
                }
            }
        }

        private void Add(string label, int? objectif, Dictionary<int, IndicatorFigure> targets, List<ParsedValue> parsed, bool fundamental, int rowIndex, string field)
        {
            var f = Current!;
            var clean = IndicatorCodes.StripNotes(label);
            var code = IndicatorCodes.Derive(objectif, clean);
            var kind = IndicatorCodes.InferKind(clean, parsed);
            var milestones = kind == IndicatorKind.Milestone
                ? targets.OrderBy(t => t.Key).Select(t => t.Value.Text).OfType<string>().Where(t => !IndicatorCodes.IsPlaceholder(t)).Distinct().ToList()
                : [];
            var cell = CellReference.Format(header[field], rowIndex);
            if (indicators.TryGetValue(code, out var existing))
            {
                var previous = existing.Definition;
                foreach (var (year, target) in targets)
                {
                    if (previous.Targets.TryGetValue(year, out var other) && other != target)
                    {
                        issues.Warning("cibles-divergentes", $"L'indicateur {code} a déjà une cible {year} différente (fiche {previous.Fiche}).", sheet, cell, Describe(target), Describe(other));
                    }
                }

                var merged = previous.Targets.ToDictionary(t => t.Key, t => t.Value);
                foreach (var (year, target) in targets)
                {
                    merged.TryAdd(year, target);
                }

                var updated = previous with
                {
                    Targets = merged,
                    Fiches = previous.Fiches.Contains(f.Numero) ? previous.Fiches : [.. previous.Fiches, f.Numero],
                    Fundamental = previous.Fundamental || fundamental,
                    Milestones = previous.Milestones.Count > 0 ? previous.Milestones : milestones,
                };
                var replacement = content.From(existing with { Definition = updated }, sheet);
                content.Indicators[content.Indicators.IndexOf(existing)] = replacement;
                indicators[code] = replacement;
                return;
            }

            var rate = IndicatorCodes.DerivedRate(code);
            var definition = new IndicatorDefinition
            {
                Code = code,
                Label = clean,
                Objectif = objectif,
                Fiche = f.Numero,
                Fiches = [f.Numero],
                Kind = kind,
                Fundamental = fundamental,
                Targets = targets,
                NumeratorCode = rate?.Numerator,
                DenominatorCode = rate?.Denominator,
                Milestones = milestones,
                SourceCell = cell,
            };
            var sourced = content.From(new SourcedIndicator(KindName, definition), sheet);
            indicators[code] = sourced;
            content.Indicators.Add(sourced);
        }

        private static string Describe(IndicatorFigure figure) =>
            figure.Value is { } v ? figure.IsPercent ? FrenchFormat.Percent(v) : FrenchFormat.Number(v, v == decimal.Truncate(v) ? 0 : 2) : figure.Text ?? string.Empty;
    }

    private sealed record FicheInProgress(int Numero, int Row, string Cell, string Intitule, int? Objectif, string? Theme, string? Nature, string? Referent, string? Source, Dictionary<int, decimal?> Money, decimal? PrintedTotal, bool AmountsOk);
}
