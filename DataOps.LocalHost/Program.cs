using DataOps.LocalHost.Hosting;

namespace DataOps.LocalHost;

/// <summary>Entry point of the DataOps Lifecycle local function host.</summary>
internal static class Program
{
    /// <summary>
    /// Starts the host on 127.0.0.1:7071 (<c>Host:LocalHttpPort</c> or <c>Host:Urls</c> change it) with
    /// host.json, local.settings.json and environment configuration, serving the DataOps functions.
    /// </summary>
    /// <remarks><c>dev-token ...</c> as the first argument mints a development token instead (see <see cref="DevTokenCommand"/>).</remarks>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == DevTokenCommand.Name)
        {
            return DevTokenCommand.Run(args[1..], Console.Out, Console.Error);
        }

        await using var host = DataOpsLocalHost.CreateBuilder(new LocalFunctionsHostOptions { Args = args }).AddDataOpsApp().Build();
        await host.RunAsync();
        return 0;
    }
}
