namespace DataOps.Storage.Queues;

/// <summary>The result of updating a message: its new pop receipt and visibility.</summary>
/// <param name="PopReceipt">The new pop receipt (the old one is no longer valid).</param>
/// <param name="NextVisibleOn">When the message becomes visible again.</param>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
