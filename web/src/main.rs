fn main() {
    certbench_web::start();
}
