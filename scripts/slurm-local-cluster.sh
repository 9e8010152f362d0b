#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for tests and measurements: munged, slurmctld and
# slurmd from Debian's `munge` and `slurm-wlm`, every file (key, config, state, logs, sockets) in
# one folder, listening on loopback only. Runs as the current user (root in CI).
#   scripts/slurm-local-cluster.sh start DIR [CPUS]   # prints the line to source: export SLURM_CONF=...
#   scripts/slurm-local-cluster.sh stop DIR
# While it runs, `SLURM_CONF=DIR/slurm.conf sbatch|squeue|scontrol ...` talk to it.
set -euo pipefail
action=${1:?usage: slurm-local-cluster.sh start|stop DIR [CPUS]}
dir=${2:?usage: slurm-local-cluster.sh start|stop DIR [CPUS]}
cpus=${3:-$(nproc)}

# What runs for this cluster's jobs: the step daemons (slurmstepd) and the tasks they started.
# Both detach from slurmd, so they are found by the SLURM_CONF they carry; a task also carries
# SLURM_JOB_ID (the shell that calls `stop` may have SLURM_CONF, never a job id of this cluster).
job_processes() {
  local pid env
  for pid in $(pgrep -x slurmstepd 2>/dev/null || true) $(pgrep -f "$dir/spool/" 2>/dev/null || true); do
    env=$({ tr '\0' '\n' < "/proc/$pid/environ"; } 2>/dev/null || true)
    if grep -qx "SLURM_CONF=$dir/slurm.conf" <<< "$env" \
        && { [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = slurmstepd ] || grep -q '^SLURM_JOB_ID=' <<< "$env"; }; then
      echo "$pid"
    fi
  done
}

# A process that runs (a killed daemon may stay a zombie where nothing reaps orphans).
alive() {
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)
  [ -n "$state" ] && [ "$state" != Z ]
}

stop() {
  [ -d "$dir" ] && dir=$(cd "$dir" && pwd)
  # Cancel what still runs while the controller can do it cleanly (the steps end their tasks).
  if [ -f "$dir/slurmctld.pid" ] && alive "$(cat "$dir/slurmctld.pid")"; then
    SLURM_CONF="$dir/slurm.conf" timeout 10 scancel --full --user "$(id -un)" 2>/dev/null || true
    for _ in $(seq 50); do [ -z "$(job_processes)" ] && break; sleep 0.2; done
  fi
  for name in slurmd slurmctld munged; do
    if [ -f "$dir/$name.pid" ]; then
      pid=$(cat "$dir/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do alive "$pid" || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$dir/$name.pid"
    fi
  done
  # Steps and tasks left without their daemons (a cancel that timed out, a controller that had died)
  # would run on alone.
  local pids
  pids=$(job_processes)
  while [ -n "$pids" ]; do
    kill -STOP $pids 2>/dev/null || true  # no new children while the tree is walked
    local children
    children=$(for pid in $pids; do pgrep -P "$pid" 2>/dev/null || true; done)
    kill -9 $pids 2>/dev/null || true
    pids=$children
  done
}

if [ "$action" = stop ]; then
  stop
  exit 0
fi
[ "$action" = start ] || { echo "usage: slurm-local-cluster.sh start|stop DIR [CPUS]" >&2; exit 2; }

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
chmod 755 "$dir"
mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
chmod 755 "$dir/munge"
user=$(id -un)
node=$(hostname -s)
# Ports: free ones picked at random, so that a second cluster (or a stale one) does not clash.
pick_port() {
  while true; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}
ctld_port=$(pick_port)
slurmd_port=$(pick_port)

# Munge: a fresh key, our own socket.
dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$dir/munge/munge.key"
munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/seed"

cat > "$dir/slurm.conf" <<EOF
ClusterName=scenecraft-test
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
KillWait=5
MinJobAge=600
SchedulerParameters=defer_batch
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -c -f "$SLURM_CONF" 2>>"$dir/slurmctld.log"
slurmd -f "$SLURM_CONF" -N "$node" 2>>"$dir/slurmd.log"
# Wait until the node is up (idle) or give up with the logs.
for _ in $(seq 100); do
  if sinfo -h -o '%t' 2>/dev/null | grep -qx 'idle'; then
    echo "export SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.2
done
echo "slurm-local-cluster: the node did not come up; logs:" >&2
tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" "$dir/munged.log" >&2 || true
stop
exit 1
