namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The state of one rendering of one part: output, scopes (innermost last), frames, errors and charts.
/// <paramref name="budget"/>: shared by the parts of one rendering (a budget of its own by default);
/// <paramref name="sectionSizes"/>: the fixed XML of each section's content, to refuse a loop before it repeats more than the budget allows;
/// <paramref name="output"/>: where the part's XML goes (kept in memory by default).
/// </summary>
internal sealed class RenderContext(string partUri, bool chartsAllowed, Func<string> newRelationshipId, RenderBudget? budget = null, IReadOnlyDictionary<TemplateTag, long>? sectionSizes = null, RenderOutput? output = null)
{
    private readonly RenderBudget budget = budget ?? RenderBudget.OfOneRendering();
    private readonly IReadOnlyDictionary<TemplateTag, long> sectionSizes = sectionSizes ?? new Dictionary<TemplateTag, long>();
    private readonly Stack<Frame> frames = new([new Frame()]);
    private readonly HashSet<(string, string, int)> seen = [];

    /// <summary>The part's XML, written out as it is produced; its size is checked against the budget at every tag (<see cref="TryResolve"/>).</summary>
    public RenderOutput Output { get; } = output ?? new RenderOutput();

    /// <summary>The last tag evaluated: where a rendering was when it went over a limit.</summary>
    public TemplateTag? LastTag { get; private set; }

    public List<object?> Scopes { get; } = [];

    public List<TemplateError> Errors { get; } = [];

    public List<ChartRequest> Charts { get; } = [];

    /// <summary>The texts put back into the places of <c>{{texte:…}}</c> tags, and the places written (shared by the parts of one rendering).</summary>
    public TextPlaceRendering Texts { get; init; } = new(new Dictionary<string, string>());

    public Frame Frame => frames.Peek();

    public Frame PushFrame()
    {
        var frame = new Frame();
        frames.Push(frame);
        return frame;
    }

    public void PopFrame() => frames.Pop();

    /// <summary>Adds an error of a tag, once per code, tag and paragraph (a tag in a loop is evaluated once per item).</summary>
    public void Error(TemplateError error)
    {
        if (seen.Add((error.Code, error.Tag, error.Location?.Paragraph ?? 0)))
        {
            Errors.Add(error);
        }
    }

    public string AddChart(ChartData data)
    {
        if (++budget.Charts > budget.MaxCharts)
        {
            throw new RenderLimitException(RenderLimit.Charts, LastTag);
        }

        var id = newRelationshipId();
        Charts.Add(new ChartRequest(id, data));
        return id;
    }

    public bool ChartsAllowed => chartsAllowed;

    public string PartUri => partUri;

    /// <summary>
    /// Resolves a tag's name: the first segment in the innermost scope that has it, then outward; the next segments
    /// inside that value. A name found nowhere is an error (a null value is not).
    /// </summary>
    public bool TryResolve(TemplateTag tag, out object? value)
    {
        CheckBudget(tag);
        var found = Resolve(tag, out value);
        if (found && value is IReadOnlyCollection<object?> items && sectionSizes.TryGetValue(tag, out var size)
            && budget.Characters + Output.Length + (items.Count * size) > budget.MaxCharacters)
        {
            throw new RenderLimitException(RenderLimit.Characters, tag);
        }

        return found;
    }

    private void CheckBudget(TemplateTag tag)
    {
        LastTag = tag;
        if (++budget.Evaluations > budget.MaxEvaluations)
        {
            throw new RenderLimitException(RenderLimit.Evaluations, tag);
        }

        if (budget.Characters + Output.Length > budget.MaxCharacters)
        {
            throw new RenderLimitException(RenderLimit.Characters, tag);
        }
    }

    private bool Resolve(TemplateTag tag, out object? value)
    {
        value = null;
        if (tag.Path.Count == 0)
        {
            if (Scopes.Count == 0)
            {
                Error(TemplateErrors.CurrentItemOutsideLoop(tag));
                return false;
            }

            value = Scopes[^1];
            return true;
        }

        var first = tag.Path[0];
        var found = false;
        for (var i = Scopes.Count - 1; i >= 0; i--)
        {
            if (Scopes[i] is IReadOnlyDictionary<string, object?> scope && scope.TryGetValue(first, out value))
            {
                found = true;
                break;
            }
        }

        if (!found)
        {
            Error(TemplateErrors.UnknownName(tag, first, Suggest(first, Scopes)));
            return false;
        }

        for (var s = 1; s < tag.Path.Count; s++)
        {
            if (value is null)
            {
                return true;
            }

            if (value is not IReadOnlyDictionary<string, object?> inner || !inner.TryGetValue(tag.Path[s], out value))
            {
                var parent = string.Join('.', tag.Path.Take(s));
                Error(TemplateErrors.UnknownMember(tag, tag.Path[s], parent, Suggest(tag.Path[s], value is IReadOnlyDictionary<string, object?> d ? [d] : [])));
                value = null;
                return false;
            }
        }

        return true;
    }

    private static string Suggest(string name, IEnumerable<object?> scopes)
    {
        var names = scopes.OfType<IReadOnlyDictionary<string, object?>>().SelectMany(d => d.Keys).Distinct(StringComparer.Ordinal).ToList();
        var close = names.Where(n => Distance(n.ToLowerInvariant(), name.ToLowerInvariant()) <= Math.Max(1, name.Length / 4)).OrderBy(n => Distance(n, name)).FirstOrDefault();
        return close is null ? string.Empty : TemplateErrors.DidYouMean(close);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
