using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Codec.Tests.Cli;

/// <summary>
/// A real single-node Slurm cluster for a test: munged with a key generated in a temporary folder, slurmctld and
/// slurmd on free ports, their state, spool, logs and configuration in that folder too. Debian's <c>slurm-wlm</c> and
/// <c>munge</c> provide the daemons; they run as root (slurmd starts jobs as their users). <see cref="Start"/> says why
/// when the machine cannot run one; <see cref="Dispose"/> stops every daemon it started.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    private static readonly string[] Daemons = ["/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd"];
    private static readonly string[] Clients = ["sbatch", "squeue", "sinfo", "scontrol"];

    private readonly string _dir;
    private readonly List<string> _pidFiles = new();

    private SlurmCluster(string dir) => _dir = dir;

    /// <summary>The configuration every client call reads (<c>SLURM_CONF</c>).</summary>
    public string Config => Path.Combine(_dir, "slurm.conf");

    /// <summary>Why a cluster cannot run here (no Slurm or munge installed, not root), or null.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux()) return "Slurm runs on Linux";
        if (Daemons.FirstOrDefault(d => !File.Exists(d)) is { } missing) return $"no {Path.GetFileName(missing)} here (Debian: apt-get install slurm-wlm munge)";
        if (Clients.FirstOrDefault(c => Which(c) is null) is { } client) return $"no {client} here (Debian: apt-get install slurm-wlm)";
        if (Environment.UserName != "root") return "slurmd starts jobs as their users, so the test cluster runs as root; this is " + Environment.UserName;
        return null;
    }

    /// <summary>Starts the cluster in <paramref name="dir"/> and waits for its node to be idle; null, with why, when it does not come up.</summary>
    public static SlurmCluster? Start(string dir, out string why)
    {
        var cluster = new SlurmCluster(dir);
        try
        {
            why = cluster.Boot() ?? "";
            if (why.Length == 0) return cluster;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            why = e.Message;
        }

        why += cluster.LogTails();
        cluster.Dispose();
        return null;
    }

    private string? Boot()
    {
        foreach (var sub in new[] { "state", "spool" }) Directory.CreateDirectory(Path.Combine(_dir, sub));
        string key = Path.Combine(_dir, "munge.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(key, UnixFileMode.UserRead);
        string socket = Path.Combine(_dir, "munge.socket");
        // -f: munged otherwise refuses a key and socket outside its own /etc and /run folders.
        if (Run("/usr/sbin/munged", [$"--key-file={key}", $"--socket={socket}", $"--pid-file={Pid("munged")}", $"--log-file={Path.Combine(_dir, "munged.log")}",
                $"--seed-file={Path.Combine(_dir, "munge.seed")}", "-f"]) is { } mungeFailed) return "munged did not start: " + mungeFailed;

        string host = Dns.GetHostName().Split('.')[0];
        int controller = FreePort(), node = FreePort();
        // The node declares what the templates ask for (4 CPUs and 4 GB per task) whatever the machine has:
        // config_overrides lets slurmd take the configured CPUs and memory as they are.
        File.WriteAllText(Config, $"""
            ClusterName=codectest
            SlurmctldHost={host}(127.0.0.1)
            SlurmctldPort={controller}
            SlurmdPort={node}
            AuthType=auth/munge
            AuthInfo=socket={socket}
            CredType=cred/munge
            SlurmUser=root
            SlurmdUser=root
            StateSaveLocation={Path.Combine(_dir, "state")}
            SlurmdSpoolDir={Path.Combine(_dir, "spool")}
            SlurmctldPidFile={Pid("slurmctld")}
            SlurmdPidFile={Pid("slurmd")}
            SlurmctldLogFile={Path.Combine(_dir, "slurmctld.log")}
            SlurmdLogFile={Path.Combine(_dir, "slurmd.log")}
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            JobCompType=jobcomp/none
            SchedulerType=sched/builtin
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            MpiDefault=none
            ReturnToService=2
            SlurmdParameters=config_overrides
            NodeName={host} NodeAddr=127.0.0.1 CPUs=8 RealMemory=16000 State=UNKNOWN
            PartitionName=codec Nodes={host} Default=YES MaxTime=INFINITE State=UP

            """);
        if (Run("/usr/sbin/slurmctld", ["-f", Config]) is { } controllerFailed) return "slurmctld did not start: " + controllerFailed;
        if (Run("/usr/sbin/slurmd", ["-f", Config]) is { } nodeFailed) return "slurmd did not start: " + nodeFailed;

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Client("sinfo", "-h", "-o", "%t").Output.Trim() == "idle") return null;
            Thread.Sleep(500);
        }

        return "the node did not become idle within a minute (sinfo: " + Client("sinfo", "-h").Output.Trim() + ")";
    }

    /// <summary>Runs a Slurm client against this cluster, in <paramref name="workingDirectory"/> (sbatch writes job logs there).</summary>
    public (int Exit, string Output) Client(string command, params string[] args) => ClientIn(_dir, command, args);

    public (int Exit, string Output) ClientIn(string workingDirectory, string command, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["SLURM_CONF"] = Config;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000)) process.Kill(entireProcessTree: true);
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>Waits until no job is pending or running; false after <paramref name="timeout"/>.</summary>
    public bool WaitForJobs(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var (exit, output) = Client("squeue", "-h");
            if (exit == 0 && output.Trim().Length == 0) return true;
            Thread.Sleep(1000);
        }

        return false;
    }

    /// <summary>The end of each daemon's log, for a message that says why.</summary>
    public string LogTails() => string.Concat(new[] { "munged", "slurmctld", "slurmd" }
        .Select(name => Path.Combine(_dir, name + ".log"))
        .Where(File.Exists)
        .Select(log => $"\n--- {Path.GetFileName(log)}\n" + string.Join("\n", File.ReadLines(log).TakeLast(8))));

    public void Dispose()
    {
        if (File.Exists(Config)) Client("scontrol", "shutdown");
        foreach (var pidFile in _pidFiles)
        {
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid)) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(10_000);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already (scontrol shutdown stops both Slurm daemons).
            }
        }
    }

    private string Pid(string daemon)
    {
        string path = Path.Combine(_dir, daemon + ".pid");
        _pidFiles.Add(path);
        return path;
    }

    // Starts a daemon (each forks into the background and exits); what it said when it failed, or null. Its standard
    // streams go to a file, not to pipes of ours: a daemon that kept a pipe open would keep the read from ending.
    private string? Run(string daemon, string[] args)
    {
        string said = Path.Combine(_dir, Path.GetFileName(daemon) + ".start");
        var start = new ProcessStartInfo("/bin/sh");
        foreach (var a in new[] { "-c", "exec \"$0\" \"$@\" >\"$CODEC_SAID\" 2>&1 </dev/null", daemon }.Concat(args)) start.ArgumentList.Add(a);
        start.Environment["CODEC_SAID"] = said;
        using var process = Process.Start(start)!;
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            return "it did not return within 30 s";
        }

        return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {(File.Exists(said) ? File.ReadAllText(said).Trim() : "")}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists);
}
