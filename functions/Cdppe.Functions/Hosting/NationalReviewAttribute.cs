namespace Cdppe.Functions.Hosting;

/// <summary>
/// Marks the one kind of change a key with the role National may send: a review of a campaign. Every other change
/// (<c>POST</c>, <c>PUT</c>, <c>DELETE</c>) is refused to that role by <see cref="ApiKeyCheck"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class NationalReviewAttribute : Attribute;
