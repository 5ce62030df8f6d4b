namespace Cdppe.Pipeline.Storage;

/// <summary>What the watcher knows of a blob version: not seen, being tried, done, or poison.</summary>
public enum ReceiptState
{
    Pending,
    Trying,
    Done,
    Poison,
}
