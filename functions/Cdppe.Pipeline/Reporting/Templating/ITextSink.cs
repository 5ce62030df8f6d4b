namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>Where escaped text goes.</summary>
internal interface ITextSink
{
    void Append(ReadOnlySpan<char> text);
}
