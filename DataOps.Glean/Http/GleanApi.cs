namespace DataOps.Glean.Http;

/// <summary>Which of Glean's two APIs a client talks to; each has its own limiter and circuit.</summary>
internal enum GleanApi
{
    Indexing,
    Search,
}
