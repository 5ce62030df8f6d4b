namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A rendering went over its <see cref="RenderBudget"/> while evaluating <see cref="Tag"/> (null: before any tag).</summary>
internal sealed class RenderLimitException : Exception
{
    public RenderLimitException(RenderLimit limit, TemplateTag? tag)
        : base($"Rendering went over its {limit} limit.")
    {
        Limit = limit;
        Tag = tag;
    }

    public RenderLimitException()
    {
    }

    public RenderLimitException(string message)
        : base(message)
    {
    }

    public RenderLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RenderLimit Limit { get; }

    public TemplateTag? Tag { get; }
}
