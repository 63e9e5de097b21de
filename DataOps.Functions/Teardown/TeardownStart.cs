namespace DataOps.Functions.Teardown;

/// <summary>Whether teardown may proceed (the safety rule) and what the dataset looked like.</summary>
public sealed record TeardownStart(bool Allowed, string? Refusal);
