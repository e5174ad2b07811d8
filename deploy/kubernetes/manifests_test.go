// Package kubernetes holds the Kubernetes manifests of the platform; its test decodes every one of them strictly
// against the official API types and checks the restricted Pod Security Standard on every pod template.
package kubernetes

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"

	"github.com/heerlen/heitje/deploy/deploytest"
)

// heitjeImage is the API's image: every container running it gets only settings internal/config reads.
const heitjeImage = "ghcr.io/heerlen/heitje"

// object is one decoded document of a manifest.
type object struct {
	file  string
	meta  metav1.TypeMeta
	name  string
	typed any            // the k8s.io/api type, for the kinds that have one
	raw   map[string]any // every document, loosely
}

func (o object) String() string { return fmt.Sprintf("%s: %s %s", o.file, o.meta.Kind, o.name) }

// newTyped returns an empty value of the k8s.io/api type of apiVersion and kind, or nil.
func newTyped(t metav1.TypeMeta) any {
	switch t.APIVersion + " " + t.Kind {
	case "apps/v1 Deployment":
		return &appsv1.Deployment{}
	case "apps/v1 StatefulSet":
		return &appsv1.StatefulSet{}
	case "batch/v1 Job":
		return &batchv1.Job{}
	case "batch/v1 CronJob":
		return &batchv1.CronJob{}
	case "v1 Service":
		return &corev1.Service{}
	case "v1 ConfigMap":
		return &corev1.ConfigMap{}
	case "v1 PersistentVolumeClaim":
		return &corev1.PersistentVolumeClaim{}
	case "policy/v1 PodDisruptionBudget":
		return &policyv1.PodDisruptionBudget{}
	case "networking.k8s.io/v1 NetworkPolicy":
		return &networkingv1.NetworkPolicy{}
	}
	return nil
}

// kindsWithoutType are the kinds k8s.io/api has no type for, which are checked as maps.
var kindsWithoutType = map[string]bool{
	"kustomize.config.k8s.io/v1beta1 Kustomization": true,
	"kustomize.config.k8s.io/v1alpha1 Component":    true,
	"postgresql.cnpg.io/v1 Cluster":                 true,
	"postgresql.cnpg.io/v1 ScheduledBackup":         true,
}

// decodeStrict decodes a YAML document as the API server decodes JSON: field names case-sensitive (encoding/json,
// and so yaml.UnmarshalStrict, would take runAsNonroot for runAsNonRoot), no unknown or duplicate fields.
func decodeStrict(doc []byte, v any) error {
	j, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return err
	}
	strict, err := kjson.UnmarshalStrict(j, v)
	if err != nil {
		return err
	}
	return errors.Join(strict...)
}

var documentSeparator = regexp.MustCompile(`(?m)^---[ \t]*$`)

// loadAll decodes every document of every .yaml file under the current directory, failing on any unknown
// field, duplicate key or kind this test does not know.
func loadAll(t *testing.T) []object {
	t.Helper()
	var out []object
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, doc := range documentSeparator.Split(string(data), -1) {
			if strings.TrimSpace(stripComments(doc)) == "" {
				continue
			}
			o := object{file: fmt.Sprintf("%s#%d", path, i+1)}
			if err := decodeStrict([]byte(doc), &o.raw); err != nil {
				t.Errorf("%s: %v", o.file, err)
				continue
			}
			if err := yaml.Unmarshal([]byte(doc), &o.meta); err != nil || o.meta.APIVersion == "" || o.meta.Kind == "" {
				t.Errorf("%s: no apiVersion and kind (%v)", o.file, err)
				continue
			}
			if md, ok := o.raw["metadata"].(map[string]any); ok {
				o.name, _ = md["name"].(string)
			}
			if o.typed = newTyped(o.meta); o.typed != nil {
				if err := decodeStrict([]byte(doc), o.typed); err != nil {
					t.Errorf("%s: %v", o, err)
					continue
				}
			} else if !kindsWithoutType[o.meta.APIVersion+" "+o.meta.Kind] {
				t.Errorf("%s: apiVersion %q kind %q is not one this test knows", o.file, o.meta.APIVersion, o.meta.Kind)
				continue
			}
			if o.name == "" && !strings.HasPrefix(o.meta.APIVersion, "kustomize.config.k8s.io/") {
				t.Errorf("%s: no metadata.name", o)
			}
			out = append(out, o)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func stripComments(doc string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(doc, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// podTemplate returns the pod template of a workload, or nil.
func podTemplate(o object) *corev1.PodTemplateSpec {
	switch v := o.typed.(type) {
	case *appsv1.Deployment:
		return &v.Spec.Template
	case *appsv1.StatefulSet:
		return &v.Spec.Template
	case *batchv1.Job:
		return &v.Spec.Template
	case *batchv1.CronJob:
		return &v.Spec.JobTemplate.Spec.Template
	}
	return nil
}

// TestManifestsDecodeStrictly: every document is one of the expected kinds and decodes into its type
// without unknown fields; the base and its components are all there.
func TestManifestsDecodeStrictly(t *testing.T) {
	objects := loadAll(t)
	count := map[string]int{}
	for _, o := range objects {
		count[o.meta.Kind]++
	}
	for kind, least := range map[string]int{"Deployment": 1, "StatefulSet": 2, "Job": 1, "CronJob": 1, "Service": 3,
		"ConfigMap": 1, "PodDisruptionBudget": 1, "NetworkPolicy": 3, "Cluster": 1, "ScheduledBackup": 1,
		"Kustomization": 1, "Component": 2} {
		if count[kind] < least {
			t.Errorf("%d %s, want at least %d", count[kind], kind, least)
		}
	}
}

// TestRestrictedPodSecurity checks the restricted Pod Security Standard
// (https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted) on every pod template,
// and a read-only root file system on every container.
func TestRestrictedPodSecurity(t *testing.T) {
	templates := 0
	for _, o := range loadAll(t) {
		tpl := podTemplate(o)
		if tpl == nil {
			continue
		}
		templates++
		for _, problem := range restrictedProblems(&tpl.Spec) {
			t.Errorf("%s: %s", o, problem)
		}
	}
	if templates < 4 {
		t.Fatalf("%d pod templates checked, want the API, the migration Job, a signer and the RPC node", templates)
	}
}

var allowedVolumes = []string{"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}

// restrictedProblems lists what in spec breaks the restricted profile.
func restrictedProblems(spec *corev1.PodSpec) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if spec.HostNetwork || spec.HostPID || spec.HostIPC {
		bad("shares the host's network, PID or IPC namespace")
	}
	for _, v := range spec.Volumes {
		data, _ := yaml.Marshal(v.VolumeSource)
		var src map[string]any
		_ = yaml.Unmarshal(data, &src)
		for typ := range src {
			if !slices.Contains(allowedVolumes, typ) {
				bad("volume %s is of type %s", v.Name, typ)
			}
		}
	}
	pod := spec.SecurityContext
	if pod == nil {
		pod = &corev1.PodSecurityContext{}
	}
	if pod.RunAsUser != nil && *pod.RunAsUser == 0 {
		bad("pod runs as user 0")
	}
	if pod.SELinuxOptions != nil && !slices.Contains([]string{"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}, pod.SELinuxOptions.Type) {
		bad("pod SELinux type %s", pod.SELinuxOptions.Type)
	}
	containers := append(slices.Clone(spec.InitContainers), spec.Containers...)
	for _, c := range containers {
		sc := c.SecurityContext
		if sc == nil {
			bad("container %s has no securityContext", c.Name)
			continue
		}
		if sc.Privileged != nil && *sc.Privileged {
			bad("container %s is privileged", c.Name)
		}
		if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			bad("container %s does not set allowPrivilegeEscalation: false", c.Name)
		}
		if sc.Capabilities == nil || !slices.Contains(sc.Capabilities.Drop, "ALL") {
			bad("container %s does not drop ALL capabilities", c.Name)
		} else {
			for _, add := range sc.Capabilities.Add {
				if add != "NET_BIND_SERVICE" {
					bad("container %s adds capability %s", c.Name, add)
				}
			}
		}
		nonRoot := sc.RunAsNonRoot
		if nonRoot == nil {
			nonRoot = pod.RunAsNonRoot
		}
		if nonRoot == nil || !*nonRoot {
			bad("container %s is not runAsNonRoot", c.Name)
		}
		// The kubelet checks runAsNonRoot against a numeric user only: a name in the image (USER nonroot)
		// fails, so the user is given here.
		user := sc.RunAsUser
		if user == nil {
			user = pod.RunAsUser
		}
		if user == nil || *user == 0 {
			bad("container %s has no numeric non-root runAsUser", c.Name)
		}
		if sc.RunAsUser != nil && *sc.RunAsUser == 0 {
			bad("container %s runs as user 0", c.Name)
		}
		seccomp := sc.SeccompProfile
		if seccomp == nil {
			seccomp = pod.SeccompProfile
		}
		if seccomp == nil || (seccomp.Type != corev1.SeccompProfileTypeRuntimeDefault && seccomp.Type != corev1.SeccompProfileTypeLocalhost) {
			bad("container %s has no seccomp profile RuntimeDefault or Localhost", c.Name)
		}
		if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			bad("container %s does not have a read-only root file system", c.Name)
		}
		for _, p := range c.Ports {
			if p.HostPort != 0 {
				bad("container %s uses host port %d", c.Name, p.HostPort)
			}
		}
	}
	return out
}

// TestRestrictedChecksCatchViolations feeds the checks a pod that breaks each rule once.
func TestRestrictedChecksCatchViolations(t *testing.T) {
	yes, no, root := true, false, int64(0)
	spec := &corev1.PodSpec{
		HostNetwork: true,
		Volumes:     []corev1.Volume{{Name: "h", VolumeSource: corev1.VolumeSource{HostPath: &corev1.HostPathVolumeSource{Path: "/"}}}},
		Containers: []corev1.Container{
			{Name: "a"},
			{Name: "b", SecurityContext: &corev1.SecurityContext{Privileged: &yes, AllowPrivilegeEscalation: &yes,
				RunAsNonRoot: &no, RunAsUser: &root, ReadOnlyRootFilesystem: &no,
				Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}, Add: []corev1.Capability{"SYS_ADMIN"}}}},
		},
	}
	got := strings.Join(restrictedProblems(spec), "\n")
	for _, want := range []string{"host's network", "volume h is of type hostPath", "container a has no securityContext",
		"b is privileged", "b does not set allowPrivilegeEscalation", "b adds capability SYS_ADMIN", "b is not runAsNonRoot",
		"b runs as user 0", "b has no seccomp profile", "b does not have a read-only root"} {
		if !strings.Contains(got, want) {
			t.Errorf("no problem %q in:\n%s", want, got)
		}
	}
}

// configNames are the environment variables internal/config reads.
func configNames(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("../../internal/config/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("internal/config: %v", err)
	}
	names := map[string]bool{}
	quoted := regexp.MustCompile(`"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range quoted.FindAllSubmatch(data, -1) {
			names[string(m[1])] = true
		}
	}
	if !names["DATABASE_URL"] || !names["TRUSTED_PROXIES"] {
		t.Fatalf("the variables of internal/config were not found: %v", names)
	}
	return names
}

// TestAPISettings: the API's containers get only settings the binary reads, from ConfigMaps whose keys are
// settings too; the files they name lie on mounted volumes; TRUSTED_PROXIES is set.
func TestAPISettings(t *testing.T) {
	names := configNames(t)
	objects := loadAll(t)
	configMaps := map[string]*corev1.ConfigMap{}
	for _, o := range objects {
		if cm, ok := o.typed.(*corev1.ConfigMap); ok {
			configMaps[cm.Name] = cm
		}
	}
	apiContainers := 0
	for _, o := range objects {
		tpl := podTemplate(o)
		if tpl == nil {
			continue
		}
		for _, c := range append(slices.Clone(tpl.Spec.InitContainers), tpl.Spec.Containers...) {
			if !strings.HasPrefix(c.Image, heitjeImage+":") {
				continue
			}
			settings := map[string]string{}
			for _, from := range c.EnvFrom {
				if from.Prefix != "" || from.SecretRef != nil {
					t.Errorf("%s: container %s takes every key of a Secret or a prefixed source as settings; name each", o, c.Name)
				}
				if from.ConfigMapRef == nil {
					continue
				}
				if cm := configMaps[from.ConfigMapRef.Name]; cm != nil {
					for k, v := range cm.Data {
						settings[k] = v
					}
				}
			}
			for _, e := range c.Env {
				settings[e.Name] = e.Value
			}
			for name := range settings {
				if !names[name] {
					t.Errorf("%s: container %s sets %s, which internal/config does not read", o, c.Name, name)
				}
			}
			if !slices.Equal(c.Args, []string{"serve"}) {
				continue
			}
			apiContainers++
			// The CronJob heitje-retention runs retention as the role that may delete from the audit log.
			if settings["RETENTION_EVERY"] != "0" {
				t.Errorf("%s: container %s runs the retention job (RETENTION_EVERY=%q) as the API's role", o, c.Name, settings["RETENTION_EVERY"])
			}
			for _, must := range []string{"TRUSTED_PROXIES", "GENESIS_FILE", "KEYSTORE_DIR", "KEYSTORE_PASSWORD_FILE", "PHOTO_DIR", "DATABASE_URL", "JWT_SECRET", "DATA_KEY", "LOOKUP_KEY"} {
				if _, ok := settings[must]; !ok {
					t.Errorf("%s: container %s has no %s", o, c.Name, must)
				}
			}
			for _, e := range c.Env {
				if e.ValueFrom == nil && slices.Contains([]string{"DATABASE_URL", "JWT_SECRET", "DATA_KEY", "DATA_KEY_OLD", "LOOKUP_KEY"}, e.Name) {
					t.Errorf("%s: %s is written into the manifest instead of coming from a Secret", o, e.Name)
				}
			}
			for _, file := range []string{"GENESIS_FILE", "KEYSTORE_DIR", "KEYSTORE_PASSWORD_FILE", "PHOTO_DIR"} {
				path := settings[file]
				mounted := false
				for _, m := range c.VolumeMounts {
					if path == m.MountPath || strings.HasPrefix(path, strings.TrimSuffix(m.MountPath, "/")+"/") {
						mounted = true
					}
				}
				if !mounted {
					t.Errorf("%s: %s=%s is on no volume of container %s", o, file, path, c.Name)
				}
			}
		}
	}
	if apiContainers == 0 {
		t.Fatal("no container runs `heitje serve`")
	}
}

// TestImagesAndSelectors: images come from a registry with a pinned tag (geth's the version the project
// builds); Services, PodDisruptionBudgets and NetworkPolicies select pods that exist; the kustomizations
// list every manifest once.
func TestImagesAndSelectors(t *testing.T) {
	objects := loadAll(t)
	gethVersion := pinnedGeth(t)
	var podLabels []labels.Set
	for _, o := range objects {
		tpl := podTemplate(o)
		if tpl == nil {
			continue
		}
		podLabels = append(podLabels, tpl.Labels)
		for _, c := range append(slices.Clone(tpl.Spec.InitContainers), tpl.Spec.Containers...) {
			repo, tag, ok := strings.Cut(c.Image, ":")
			if !ok || tag == "" || tag == "latest" || strings.Count(repo, "/") < 2 {
				t.Errorf("%s: image %q is not registry/path:tag", o, c.Image)
			}
			if strings.HasSuffix(repo, "/ethereum/client-go") && tag != gethVersion {
				t.Errorf("%s: geth image %s, the project runs geth %s", o, c.Image, gethVersion)
			}
		}
		if ss, ok := o.typed.(*appsv1.StatefulSet); ok && (ss.Spec.Replicas == nil || *ss.Spec.Replicas != 1) {
			t.Errorf("%s: a geth node has its own node key and data: one replica per StatefulSet", o)
		}
	}
	selects := func(sel labels.Selector) bool {
		for _, l := range podLabels {
			if sel.Matches(l) {
				return true
			}
		}
		return false
	}
	for _, o := range objects {
		var sel labels.Selector
		var err error
		switch v := o.typed.(type) {
		case *corev1.Service:
			sel = labels.SelectorFromSet(v.Spec.Selector)
		case *policyv1.PodDisruptionBudget:
			sel, err = metav1.LabelSelectorAsSelector(v.Spec.Selector)
		case *networkingv1.NetworkPolicy:
			sel, err = metav1.LabelSelectorAsSelector(&v.Spec.PodSelector)
		default:
			continue
		}
		if err != nil || sel.Empty() || !selects(sel) {
			t.Errorf("%s: selects no pod of these manifests (%v)", o, err)
		}
	}

	listed := map[string]int{}
	for _, o := range objects {
		if !strings.HasPrefix(o.meta.APIVersion, "kustomize.config.k8s.io/") {
			continue
		}
		dir := filepath.Dir(strings.Split(o.file, "#")[0])
		resources, _ := o.raw["resources"].([]any)
		for _, r := range resources {
			path := filepath.Join(dir, fmt.Sprint(r))
			if _, err := os.Stat(path); err != nil {
				t.Errorf("%s: resource %s: %v", o.file, r, err)
			}
			listed[path]++
		}
		images, _ := o.raw["images"].([]any)
		for _, img := range images {
			if m, _ := img.(map[string]any); m["name"] != heitjeImage {
				t.Errorf("%s: images: %v names no image of the manifests", o.file, img)
			}
		}
	}
	for _, o := range objects {
		file := strings.Split(o.file, "#")[0]
		if filepath.Base(file) != "kustomization.yaml" && listed[file] != 1 {
			t.Errorf("%s is listed by %d kustomizations, want 1", file, listed[file])
		}
	}
}

// pinnedGeth returns the geth version chain/node/gethbuild builds.
func pinnedGeth(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../chain/node/gethbuild/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`github.com/ethereum/go-ethereum (v\S+)`).FindSubmatch(data)
	if m == nil {
		t.Fatal("chain/node/gethbuild/go.mod pins no go-ethereum")
	}
	return string(m[1])
}

// TestSignerFlagsMatchTheUnit: the signer StatefulSet runs geth with the flags of the systemd unit for a
// signer on a machine, and the same values where the unit's are not paths or its own variables.
func TestSignerFlagsMatchTheUnit(t *testing.T) {
	unit, err := os.ReadFile("../systemd/heitje-geth-signer.service")
	if err != nil {
		t.Fatal(err)
	}
	var exec string
	for line := range strings.SplitSeq(strings.ReplaceAll(string(unit), "\\\n", " "), "\n") {
		if v, ok := strings.CutPrefix(line, "ExecStart="); ok {
			exec = v
		}
	}
	unitFlags := deploytest.Flags(strings.Fields(exec)[1:])
	if len(unitFlags) < 5 {
		t.Fatalf("ExecStart of the unit: %q", exec)
	}
	var signer *appsv1.StatefulSet
	for _, o := range loadAll(t) {
		if ss, ok := o.typed.(*appsv1.StatefulSet); ok && ss.Name == "heitje-signer" {
			signer = ss
		}
	}
	if signer == nil {
		t.Fatal("no StatefulSet heitje-signer")
	}
	var args []string
	for _, a := range signer.Spec.Template.Spec.Containers[0].Args {
		args = append(args, strings.SplitN(a, "=", 2)...)
	}
	podFlags := deploytest.Flags(args)
	for flag, value := range unitFlags {
		got, ok := podFlags[flag]
		if !ok {
			t.Errorf("the signer's geth has no %s (the unit has %s %s)", flag, flag, value)
			continue
		}
		if value != "" && !strings.Contains(value, "/") && !strings.Contains(value, "$") && got != value {
			t.Errorf("the signer's geth has %s %s, the unit %s", flag, got, value)
		}
	}
}

// TestPostgresCluster: the CloudNativePG Cluster has replicas, the two roles and a backup section, and the
// scheduled backup names it.
func TestPostgresCluster(t *testing.T) {
	var cluster, scheduled map[string]any
	for _, o := range loadAll(t) {
		switch o.meta.APIVersion + " " + o.meta.Kind {
		case "postgresql.cnpg.io/v1 Cluster":
			cluster = o.raw
		case "postgresql.cnpg.io/v1 ScheduledBackup":
			scheduled = o.raw
		}
	}
	if cluster == nil || scheduled == nil {
		t.Fatal("no postgresql.cnpg.io/v1 Cluster and ScheduledBackup")
	}
	spec, _ := cluster["spec"].(map[string]any)
	get := func(m map[string]any, path ...string) any {
		var v any = m
		for _, p := range path {
			mm, _ := v.(map[string]any)
			v = mm[p]
		}
		return v
	}
	if n, _ := spec["instances"].(int64); n < 2 {
		t.Errorf("Cluster instances %v: a primary and at least one replica", spec["instances"])
	}
	if get(spec, "bootstrap", "initdb", "owner") != "heitje_owner" {
		t.Errorf("the database's owner is %v, want heitje_owner, the role of migrations and retention", get(spec, "bootstrap", "initdb", "owner"))
	}
	// The grants of the guide's first SQL block (deploy/README.md, section 2), but for creating the owner,
	// which CloudNativePG does.
	guide, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```sql\n(.*?)```").FindSubmatch(guide)
	if block == nil {
		t.Fatal("deploy/README.md has no SQL block")
	}
	var want []string
	for stmt := range strings.SplitSeq(regexp.MustCompile(`--[^\n]*`).ReplaceAllString(string(block[1]), ""), ";") {
		if stmt = strings.Join(strings.Fields(stmt), " "); stmt != "" && stmt != "CREATE ROLE heitje_owner LOGIN" {
			want = append(want, stmt)
		}
	}
	var got []string
	sqls, _ := get(spec, "bootstrap", "initdb", "postInitApplicationSQL").([]any)
	for _, q := range sqls {
		got = append(got, strings.Join(strings.Fields(fmt.Sprint(q)), " "))
	}
	if len(want) < 5 || !slices.Equal(got, want) {
		t.Errorf("postInitApplicationSQL\n%s\nis not the guide's\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	roles, _ := get(spec, "managed", "roles").([]any)
	if len(roles) != 1 || get(roles[0].(map[string]any), "name") != "heitje_api" {
		t.Errorf("managed roles %v, want the API's heitje_api", roles)
	}
	dest, _ := get(spec, "backup", "barmanObjectStore", "destinationPath").(string)
	if !strings.HasPrefix(dest, "s3://") && !strings.HasPrefix(dest, "gs://") && !strings.HasPrefix(dest, "https://") {
		t.Errorf("backup.barmanObjectStore.destinationPath %q", dest)
	}
	if get(spec, "backup", "barmanObjectStore", "s3Credentials", "secretAccessKey", "name") == nil {
		t.Error("the backup's credentials come from no Secret")
	}
	if get(scheduled, "spec", "cluster", "name") != get(cluster, "metadata", "name") {
		t.Errorf("ScheduledBackup backs up %v", get(scheduled, "spec", "cluster", "name"))
	}
}

// TestStrictDecodingRejectsUnknownFields: a misspelt, unknown or repeated field fails, so the tests above see
// every field as the API server would.
func TestStrictDecodingRejectsUnknownFields(t *testing.T) {
	head := "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n"
	for field, doc := range map[string]string{
		"runAsNonroot": head + "      securityContext: {runAsNonroot: true}\n",
		"runAsRoot":    head + "      securityContext: {runAsRoot: false}\n",
		"runAsUser":    head + "      securityContext: {runAsUser: 1, runAsUser: 0}\n",
	} {
		if err := decodeStrict([]byte(doc), &appsv1.Deployment{}); err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("%s decoded: %v", field, err)
		}
	}
	ok := head + "      securityContext: {runAsNonRoot: true, runAsUser: 1}\n"
	var d appsv1.Deployment
	if err := decodeStrict([]byte(ok), &d); err != nil || !*d.Spec.Template.Spec.SecurityContext.RunAsNonRoot {
		t.Fatalf("a correct document: %v", err)
	}
}

// TestKustomizeBuild renders an overlay of the base with both components, as an operator's would be, with
// `kubectl kustomize` where kubectl is installed, and decodes the result strictly: the image's tag is
// overridden and the generated ConfigMap's name reaches the Deployment.
func TestKustomizeBuild(t *testing.T) {
	kubectl, err := exec.LookPath("kubectl")
	if err != nil {
		t.Skip("kubectl is not installed")
	}
	here, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	overlay := t.TempDir()
	base, err := filepath.Rel(overlay, here)
	if err != nil {
		t.Fatal(err)
	}
	kustomization := fmt.Sprintf(`apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: heitje
resources: [%[1]s]
components: [%[1]s/chain, %[1]s/postgres]
images:
  - {name: %[2]s, newTag: "1.2.3"}
configMapGenerator:
  - name: heitje-network
    literals: [TOKEN_ADDRESS=0x00000000000000000000000000000000000000aa]
`, filepath.ToSlash(base), heitjeImage)
	if err := os.WriteFile(filepath.Join(overlay, "kustomization.yaml"), []byte(kustomization), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(kubectl, "kustomize", overlay).CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl kustomize: %v\n%s", err, out)
	}
	kinds := map[string]int{}
	for _, doc := range documentSeparator.Split(string(out), -1) {
		var meta metav1.TypeMeta
		if err := yaml.Unmarshal([]byte(doc), &meta); err != nil {
			t.Fatal(err)
		}
		kinds[meta.Kind]++
		typed := newTyped(meta)
		if typed == nil {
			continue
		}
		if err := decodeStrict([]byte(doc), typed); err != nil {
			t.Errorf("%s: %v", meta.Kind, err)
		}
		if d, ok := typed.(*appsv1.Deployment); ok {
			if d.Namespace != "heitje" || d.Spec.Template.Spec.Containers[0].Image != heitjeImage+":1.2.3" {
				t.Errorf("Deployment %s/%s runs %s", d.Namespace, d.Name, d.Spec.Template.Spec.Containers[0].Image)
			}
			if from := d.Spec.Template.Spec.Containers[0].EnvFrom; len(from) != 2 || !strings.HasPrefix(from[1].ConfigMapRef.Name, "heitje-network-") {
				t.Errorf("the Deployment does not take the generated heitje-network: %+v", from)
			}
		}
	}
	if kinds["Deployment"] != 1 || kinds["StatefulSet"] != 2 || kinds["Job"] != 1 || kinds["Cluster"] != 1 {
		t.Errorf("rendered %v", kinds)
	}
}

// TestMetricsApart: the API's METRICS_ADDR port is a container port of its own, no Service serves it beside
// the public port, and the NetworkPolicy lets the ingress controller reach only the public port.
func TestMetricsApart(t *testing.T) {
	objects := loadAll(t)
	var addr string
	for _, o := range objects {
		if cm, ok := o.typed.(*corev1.ConfigMap); ok && cm.Name == "heitje" {
			addr = cm.Data["METRICS_ADDR"]
		}
	}
	_, port, ok := strings.Cut(addr, ":")
	if !ok || port == "8080" {
		t.Fatalf("METRICS_ADDR %q: want host:port apart from the public 8080", addr)
	}
	for _, o := range objects {
		switch v := o.typed.(type) {
		case *appsv1.Deployment:
			found := false
			for _, p := range v.Spec.Template.Spec.Containers[0].Ports {
				found = found || (p.Name == "metrics" && fmt.Sprint(p.ContainerPort) == port)
			}
			if !found {
				t.Errorf("%s: no container port metrics %s", o, port)
			}
		case *corev1.Service:
			var metrics, other bool
			for _, p := range v.Spec.Ports {
				isMetrics := p.TargetPort.String() == "metrics" || p.TargetPort.String() == port
				metrics, other = metrics || isMetrics, other || !isMetrics
			}
			if metrics && other {
				t.Errorf("%s: serves the metrics beside other ports", o)
			}
		case *networkingv1.NetworkPolicy:
			for _, rule := range v.Spec.Ingress {
				for _, peer := range rule.From {
					if peer.NamespaceSelector == nil || peer.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"] != "ingress-nginx" {
						continue
					}
					for _, p := range rule.Ports {
						if p.Port == nil || p.Port.String() == port || p.Port.String() == "metrics" {
							t.Errorf("%s: the ingress controller may reach the metrics", o)
						}
					}
				}
			}
		}
	}
}
