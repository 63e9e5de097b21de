using System.Diagnostics.CodeAnalysis;

namespace DataOps.LocalHost.Hosting;

/// <summary>
/// The orchestrators and activities the task hub worker runs: the Durable management API's start endpoint reads an
/// orchestrator's input type here, and start-up checks that every orchestration and activity function has its task.
/// </summary>
internal interface IOrchestratorCatalog
{
    /// <summary>The registered orchestrator names.</summary>
    IReadOnlyCollection<string> OrchestratorNames { get; }

    /// <summary>The registered activity names.</summary>
    IReadOnlyCollection<string> ActivityNames { get; }

    /// <summary>Finds an orchestrator by name.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="inputType">The type its input is deserialised as.</param>
    /// <returns>Whether an orchestrator of that name is registered.</returns>
    bool TryGetInputType(string name, [NotNullWhen(true)] out Type? inputType);
}
