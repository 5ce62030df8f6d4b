namespace Cdppe.Tests.FunctionsHost;

/// <summary>The media type of an answer, without its parameters (empty when it has none).</summary>
public static class HttpContentExtensions
{
    public static string HeaderContentType(this HttpContent content) => content.Headers.ContentType?.MediaType ?? string.Empty;
}
